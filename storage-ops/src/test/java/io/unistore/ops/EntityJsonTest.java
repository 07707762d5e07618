package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.table.TableEntity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The NDJSON entity encoding and the canonical hash are pure mapping code: tested without a store. */
class EntityJsonTest {
    @Test
    void roundTripsEveryTypeAndEdgeValue() {
        for (long i = 0; i < 200; i++) {
            TableEntity e = Fixtures.entity("p", "r" + i, i);
            TableEntity back = EntityJson.fromLine(EntityJson.toLine(e));
            assertThat(back).isEqualTo(e);
            assertThat(EntityHash.of(back)).isEqualTo(EntityHash.of(e));
        }
        TableEntity edges = TableEntity.builder("", "").put("nan", Double.NaN).put("inf", Double.NEGATIVE_INFINITY)
                .put("neg0", -0.0).put("tiny", Double.MIN_VALUE).put("max", Long.MAX_VALUE)
                .put("min", Integer.MIN_VALUE).put("empty", "").put("nanos", Instant.parse("1969-12-31T23:59:59.999999999Z"))
                .put("emptyBin", new byte[0]).put("surrogate", "\uD83D\uDE00").build();
        TableEntity back = EntityJson.fromLine(EntityJson.toLine(edges));
        assertThat(back).isEqualTo(edges);
        assertThat(Double.doubleToRawLongBits(back.getDouble("neg0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(EntityJson.toLine(edges)).contains("\"max\":{\"type\":\"INT64\",\"value\":\"9223372036854775807\"}");
    }

    @Test
    void hashIgnoresOrderEtagAndTimestampButNotTypes() {
        TableEntity a = TableEntity.builder("p", "r").put("x", 1).put("y", "z").build();
        TableEntity b = TableEntity.builder("p", "r").put("y", "z").put("x", 1).etag("W/1")
                .timestamp(Instant.now()).build();
        TableEntity c = TableEntity.builder("p", "r").put("x", 1L).put("y", "z").build();
        assertThat(EntityHash.of(a)).isEqualTo(EntityHash.of(b));
        assertThat(EntityHash.of(a)).isNotEqualTo(EntityHash.of(c));

        EntityHash.Accumulator one = new EntityHash.Accumulator();
        EntityHash.Accumulator two = new EntityHash.Accumulator();
        one.add(a);
        one.add(Fixtures.entity("q", "s", 5));
        two.add(Fixtures.entity("q", "s", 5));
        two.add(b);
        assertThat(one.hex()).isEqualTo(two.hex()).hasSize(64);
        assertThat(one.count()).isEqualTo(2);
    }
}
