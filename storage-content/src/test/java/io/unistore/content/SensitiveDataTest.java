package io.unistore.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The checks behind the patterns, previews that never hold a value, and streaming redaction. */
class SensitiveDataTest {
    @Test
    void checksumsTellRealNumbersFromLookAlikes() {
        assertThat(Checksums.luhn("4111111111111111")).isTrue();
        assertThat(Checksums.luhn("4111111111111112")).isFalse();
        assertThat(Checksums.iban("DE89370400440532013000")).isTrue();
        assertThat(Checksums.iban("DE88370400440532013000")).isFalse();
        assertThat(Checksums.iban("GB82WEST12345698765432")).isTrue();
        assertThat(SensitiveData.find("id 550e8400-e29b-41d4-a716-446655440000 sha "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 on 2024-03-15, v1.2.3")).isEmpty();
        assertThat(SensitiveData.find("call 415-555-0134 or (415) 555-0199 or +14155550123"))
                .extracting(SensitiveData.Match::kind).containsOnly(FindingKind.PHONE).hasSize(3);
    }

    @Test
    void previewsKeepOnlyAPrefixOrTheLastDigits() {
        assertThat(Masking.preview(FindingKind.AWS_ACCESS_KEY_ID, "AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA********");
        assertThat(Masking.preview(FindingKind.CARD_NUMBER, "4111 1111 1111 1111")).isEqualTo("************1111");
        assertThat(Masking.preview(FindingKind.EMAIL, "ada@example.com")).isEqualTo("ad********om");
        ContentScan.Result r = ContentScan.scan(new ByteArrayInputStream(("x\nmail ada@example.com\n")
                .getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE, 10);
        assertThat(r.findings()).containsExactly(new Finding(FindingKind.EMAIL, 2, 6, 7, 15, "ad********om"));
        assertThat(r.complete()).isTrue();
        ContentScan.Result cut = ContentScan.scan(new ByteArrayInputStream("a@example.com\nb@example.com\n"
                .getBytes(StandardCharsets.UTF_8)), 14, 10);
        assertThat(cut.counts()).containsEntry(FindingKind.EMAIL, 1);
        assertThat(cut.complete()).isFalse();
    }

    @Test
    void redactionMasksItemsAndWholeKeyBlocksKeepingLines() {
        String text = "user ada@example.com\r\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\ntoken eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl end";
        assertThat(Redaction.redact(text)).isEqualTo("user [REDACTED:EMAIL]\r\n[REDACTED:PRIVATE_KEY]\n"
                + "[REDACTED:PRIVATE_KEY]\n[REDACTED:PRIVATE_KEY]\n[REDACTED:PRIVATE_KEY]\ntoken [REDACTED:JWT] end");
        assertThat(Redaction.redact("conn DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==;"
                + "EndpointSuffix=core.windows.net\nurl https://a.blob.core.windows.net/c/b?sv=2022-11-02&sig="
                + "AbCdEfGhIjKlMnOpQrStUvWxYz0123%3D")).isEqualTo("conn [REDACTED:AZURE_CONNECTION_STRING]\n"
                + "url https://a.blob.core.windows.net/c/b?sv=2022-11-02&[REDACTED:AZURE_SAS_SIGNATURE]");
    }

    @Test
    void languageByFunctionWords() {
        assertThat(Language.detect("The report is ready and it is in the folder for the team.")).isEqualTo("en");
        assertThat(Language.detect("Le rapport est prêt et il est dans le dossier pour les équipes.")).isEqualTo("fr");
        assertThat(Language.detect("Der Bericht ist fertig und liegt in dem Ordner für die Gruppe.")).isEqualTo("de");
        assertThat(Language.detect("id,value\n1,2\n")).isNull();
    }
}
