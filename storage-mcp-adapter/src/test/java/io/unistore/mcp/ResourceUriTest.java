package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Resource URIs: names and blob paths with reserved characters survive a round trip. */
class ResourceUriTest {
    @Test
    void roundTripsBlobPathsWithSpecialCharacters() {
        String uri = ResourceUri.of("prod", "blobs", "logs", "2024/a b+c%.txt");
        assertThat(uri).isEqualTo("unistore://prod/blobs/logs/2024/a%20b%2Bc%25.txt");
        assertThat(ResourceUri.parse(uri)).isEqualTo(new ResourceUri("prod", "blobs", "logs", "2024/a b+c%.txt"));
    }

    @Test
    void containerUrisHaveNoPath() {
        assertThat(ResourceUri.parse("unistore://a/tables/Orders")).isEqualTo(new ResourceUri("a", "tables", "Orders",
                null));
        assertThat(ResourceUri.parse("https://x/y/z")).isNull();
        assertThat(ResourceUri.parse("unistore://a/blobs")).isNull();
    }
}
