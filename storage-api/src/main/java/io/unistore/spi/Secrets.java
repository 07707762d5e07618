package io.unistore.spi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a message, a log line or tool output: account keys, SAS
 * signatures, connection-string passwords, presigned-URL signatures, bearer tokens, URL user-info.
 */
public final class Secrets {
    /** What a removed secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(AccountKey|SharedAccessSignature|SharedAccessKey|Password|Pwd|client_secret|"
                    + "aws_secret_access_key|secretAccessKey|sessionToken|private_key|token)\\s*([=:])\\s*"
                    + "(\"[^\"]*\"|[^;&\\s,\"]+)");
    private static final Pattern QUERY_SIGNATURE = Pattern.compile(
            "(?i)([?&](sig|signature|x-amz-signature|x-amz-security-token|x-amz-credential|x-goog-signature|"
                    + "x-goog-credential|googleaccessid|awsaccesskeyid|skoid|sktid|skt|ske|sks|skv)=)[^&\\s\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|SharedKey|Basic)\\s+[A-Za-z0-9._~+/=:-]+");
    // The scheme is bounded: unbounded, it was tried from every word boundary of a long run of scheme characters
    // to its end, quadratic time (a 100 KB argument echoed in an error message took a minute).
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{0,31}://)[^/@\\s:]+:[^/@\\s]+@");

    private Secrets() {
    }

    /** The text with every secret it holds masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = KEY_VALUE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        s = QUERY_SIGNATURE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        s = BEARER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        s = USER_INFO.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        return s;
    }
}
