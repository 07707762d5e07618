package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The server's stderr redacts every line, so a secret in an exception's message or in one of its causes does not
 * reach the log through the stack trace SLF4J renders, which no logging call redacts itself.
 */
class RedactingOutputStreamTest {
    private static final String KEY = "c2VjcmV0LWtleS1mb3ItdGVzdHM=";

    @Test
    void loggedStackTracesAreRedactedToo() {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new RedactingOutputStream(captured, StandardCharsets.UTF_8), true,
                StandardCharsets.UTF_8));
        try {
            Exception e = new IllegalStateException("open failed for AccountKey=" + KEY, new RuntimeException(
                    "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + KEY + ";EndpointSuffix=x"));
            LoggerFactory.getLogger(RedactingOutputStreamTest.class).error("the call failed", e);
        } finally {
            System.setErr(before);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("the call failed").contains("Caused by").contains("\tat ")
                .contains("AccountKey=***").doesNotContain(KEY);
    }

    @Test
    void linesAreRedactedWholeAndPartialLinesAtFlush() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        RedactingOutputStream out = new RedactingOutputStream(captured, StandardCharsets.UTF_8);
        byte[] line = ("Authorization: Bearer " + KEY + "\n").getBytes(StandardCharsets.UTF_8);
        for (byte b : line) {
            out.write(b); // one byte at a time: the secret must still be seen whole
        }
        out.write("sig=abc&x=1 ?sig=".getBytes(StandardCharsets.UTF_8));
        out.write((KEY + " tail").getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("Authorization: Bearer ***\nsig=abc&x=1 "
                + "?sig=*** tail");
    }
}
