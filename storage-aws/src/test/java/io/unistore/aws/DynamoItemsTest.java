package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.table.TableEntity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What an item looks like to other DynamoDB clients, type by type, and what their own items read as. */
class DynamoItemsTest {
    private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.000000100Z");

    @Test
    void eachTypeHasItsStoredFormAndTag() {
        TableEntity e = TableEntity.builder("p", "r").put("S", "text").put("B", true).put("I", 42)
                .put("L", (1L << 53) + 1).put("D", 2.5).put("Nan", Double.NaN).put("NegZero", -0.0)
                .put("Tiny", Double.MIN_VALUE).put("T", Instant.parse("2026-01-02T03:04:05.1234567Z"))
                .put("G", new UUID(1, 2)).put("Bin", new byte[] {1, 2}).build();
        Map<String, AttributeValue> item = DynamoItems.item(e, "W/\"x\"", NOW);
        assertThat(item).containsEntry("PartitionKey", AttributeValue.fromS("p"))
                .containsEntry("RowKey", AttributeValue.fromS("r"))
                .containsEntry("S", AttributeValue.fromS("text")).doesNotContainKey("@type:S")
                .containsEntry("B", AttributeValue.fromBool(true)).doesNotContainKey("@type:B")
                .containsEntry("I", AttributeValue.fromN("42")).doesNotContainKey("@type:I")
                .containsEntry("L", AttributeValue.fromN("9007199254740993"))
                .containsEntry("@type:L", AttributeValue.fromS("Edm.Int64"))
                .containsEntry("D", AttributeValue.fromN("2.5")).containsEntry("@type:D", AttributeValue.fromS("Edm.Double"))
                .containsEntry("Nan", AttributeValue.fromS("NaN"))
                .containsEntry("NegZero", AttributeValue.fromS("-0.0"))
                .containsEntry("Tiny", AttributeValue.fromS("4.9E-324"))
                .containsEntry("T", AttributeValue.fromS("2026-01-02T03:04:05.123456700Z"))
                .containsEntry("@type:T", AttributeValue.fromS("Edm.DateTime"))
                .containsEntry("G", AttributeValue.fromS("00000000-0000-0001-0000-000000000002"))
                .containsEntry("@type:G", AttributeValue.fromS("Edm.Guid"))
                .containsEntry("Bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})))
                .containsEntry("@etag", AttributeValue.fromS("W/\"x\""))
                .containsEntry("@ts", AttributeValue.fromS("2026-05-06T07:08:09.000000100Z"));

        TableEntity back = DynamoItems.entity(item);
        assertThat(back).isEqualTo(e);
        assertThat(back.etag()).isEqualTo("W/\"x\"");
        assertThat(back.timestamp()).isEqualTo(NOW);
        assertThat(Double.doubleToRawLongBits(back.getDouble("NegZero"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void untaggedItemsOfOtherClientsReadByTheirDynamoType() {
        Map<String, AttributeValue> item = Map.of("PartitionKey", AttributeValue.fromS("p"),
                "RowKey", AttributeValue.fromS("r"), "small", AttributeValue.fromN("7"),
                "big", AttributeValue.fromN("12345678901"), "frac", AttributeValue.fromN("1.25"),
                "list", AttributeValue.fromL(java.util.List.of(AttributeValue.fromS("a"))));
        TableEntity e = DynamoItems.entity(item);
        assertThat(e.get("small")).isEqualTo(7);
        assertThat(e.get("big")).isEqualTo(12345678901L);
        assertThat(e.get("frac")).isEqualTo(1.25);
        assertThat(e.getString("list")).contains("a");
        assertThat(e.etag()).isNull();
    }

    @Test
    void storedDateTimesReadAsInstantParseReadsThem() {
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            String text = DynamoItems.DATE_TIME.format(t);
            assertThat(DynamoItems.instant(text)).as(text).isEqualTo(t).isEqualTo(Instant.parse(text));
        }
        // Other clients' forms, and text the fast path leaves to Instant.parse (out of range, 24:00, leap second,
        // not digits): the same value, or the same refusal.
        for (String text : List.of("2026-01-02T03:04:05Z", "2026-01-02T03:04:05.1234567Z",
                "2024-02-29T00:00:00.000000000Z", "2026-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00.000000000Z",
                "2026-02-29T00:00:00.000000000Z", "2026-13-01T00:00:00.000000000Z", "2026-01-01T24:00:00.000000000Z",
                "2026-01-01T00:60:00.000000000Z", "2026-01-01T00:00:00.00000000xZ", "2026-01-00T00:00:00.000000000Z",
                "+026-01-01T00:00:00.000000000Z", "2026-06-30T23:59:60.000000000Z", "")) {
            Object expected;
            try {
                expected = Instant.parse(text);
            } catch (java.time.DateTimeException e) {
                expected = e.getClass();
            }
            Object actual;
            try {
                actual = DynamoItems.instant(text);
            } catch (java.time.DateTimeException e) {
                actual = e.getClass();
            }
            assertThat(actual).as(text).isEqualTo(expected);
        }
        assertThatThrownBy(() -> DynamoItems.instant("2026-02-29T00:00:00.000000000Z"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @Test
    void doublesOutsideDynamoNumbersAreStrings() {
        assertThat(DynamoItems.numberFits(1e125)).isTrue();
        assertThat(DynamoItems.numberFits(1e127)).isFalse();
        assertThat(DynamoItems.numberFits(1e-130)).isTrue();
        assertThat(DynamoItems.numberFits(1e-131)).isFalse();
        assertThat(DynamoItems.numberFits(0.0)).isTrue();
        assertThat(DynamoItems.numberFits(-0.0)).isFalse();
        assertThat(DynamoItems.numberFits(Double.POSITIVE_INFINITY)).isFalse();
    }
}
