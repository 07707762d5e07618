package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles of CSV, NDJSON and JSON from whole contents and from prefixes. Pure parsing: no store involved. */
class DataProfileTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWholeCsvGivesTypesTheExactCountAndASample() {
        String csv = "id,price,ok,day,name,note\n1,2.5,true,2024-01-02,Ada,\n2,3,false,2024-01-03T10:00:00Z,\"B, c\",x\n";
        DataProfile.Result r = DataProfile.of(bytes(csv), csv.length(), DataProfile.Format.CSV, "blob");
        assertThat(r.columns()).extracting(DataProfile.Column::name, DataProfile.Column::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("id", "integer"),
                        org.assertj.core.groups.Tuple.tuple("price", "number"),
                        org.assertj.core.groups.Tuple.tuple("ok", "boolean"),
                        org.assertj.core.groups.Tuple.tuple("day", "datetime"),
                        org.assertj.core.groups.Tuple.tuple("name", "string"),
                        org.assertj.core.groups.Tuple.tuple("note", "string"));
        assertThat(r.columns().get(5).empty()).isEqualTo(1);
        assertThat(r.rowCount()).isEqualTo(2);
        assertThat(r.complete()).isTrue();
        assertThat(r.sample().get(1)).containsEntry("name", "B, c");
    }

    @Test
    void aPrefixLeavesOutTheCutRowAndEstimatesTheCount() {
        StringBuilder b = new StringBuilder("n,v\n");
        for (int i = 0; i < 1000; i++) {
            b.append(i % 10).append(",value").append(i % 10).append('\n');
        }
        byte[] all = bytes(b.toString());
        byte[] prefix = Arrays.copyOf(all, 1001);
        DataProfile.Result r = DataProfile.of(prefix, all.length, DataProfile.Format.CSV, "blob");
        assertThat(r.complete()).isFalse();
        assertThat(r.rowCount()).isEqualTo(-1);
        assertThat(r.rowEstimate()).isBetween(950L, 1050L);
        assertThat(r.sample()).hasSize(DataProfile.SAMPLE_ROWS);
    }

    @Test
    void ndjsonAndJsonArraysGiveColumnsFromEveryObjectReadEvenWhenCut() {
        String nd = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2.5,\"c\":[1]}\n{\"a\":3,\"b\":nu";
        DataProfile.Result r = DataProfile.of(bytes(nd), nd.length() + 100, DataProfile.Format.NDJSON, "blob");
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.columns()).extracting(DataProfile.Column::name, DataProfile.Column::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "number"),
                        org.assertj.core.groups.Tuple.tuple("b", "string"),
                        org.assertj.core.groups.Tuple.tuple("c", "array"));
        assertThat(r.sample().get(1)).containsEntry("c", List.of(1));

        String json = "[{\"k\":\"2024-05-01\",\"o\":{\"x\":1}},{\"k\":\"2024-05-02\"},{\"k\":\"20";
        DataProfile.Result j = DataProfile.of(bytes(json), 10_000, DataProfile.Format.JSON, "blob");
        assertThat(j.rowsRead()).isEqualTo(2);
        assertThat(j.columns()).extracting(DataProfile.Column::type).containsExactly("date", "object");
        assertThat(j.sample().get(0)).containsEntry("o", Map.of("x", 1));
    }

    @Test
    void contentThatIsNotTheFormatIsRefusedNamingTheField() {
        assertThatThrownBy(() -> DataProfile.of(bytes("{oops}\n"), 7, DataProfile.Format.NDJSON, "blob"))
                .hasMessageContaining("blob, line 1").hasMessageContaining("not JSON");
        assertThatThrownBy(() -> DataProfile.of(bytes("42"), 2, DataProfile.Format.JSON, "blob"))
                .hasMessageContaining("blob").hasMessageContaining("array or object");
        assertThatThrownBy(() -> DataProfile.of(new byte[] {(byte) 0xff, 'a'}, 2, DataProfile.Format.CSV, "blob"))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> DataProfile.of(bytes("[" + "[".repeat(5000)), 5001, DataProfile.Format.JSON,
                "blob")).hasMessageContaining("blob");
        assertThat(DataProfile.guess("x.jsonl", null)).isEqualTo(DataProfile.Format.NDJSON);
        assertThat(DataProfile.guess("x", "text/csv")).isEqualTo(DataProfile.Format.CSV);
        assertThat(DataProfile.guess("x.bin", null)).isNull();
    }
}
