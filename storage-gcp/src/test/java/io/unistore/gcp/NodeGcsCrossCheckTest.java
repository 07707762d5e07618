package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.RequestConditions;
import io.unistore.blob.UploadOptions;
import io.unistore.testsupport.NodeScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Objects between Unistore and Google's Node client (@google-cloud/storage) on the GCS stand-in
 * (node/scenarios/gcs-cross-check.mjs): custom metadata another client wrote reads and writes back unchanged,
 * and objects Unistore wrote carry exactly the keys it was given, in their case.
 */
class NodeGcsCrossCheckTest {
    private static StandInFixture fixture;
    private static final String BUCKET = "cross-check";

    @BeforeAll
    static void start() {
        fixture = StandInFixture.start();
        fixture.blobs.createContainer(BUCKET);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static JsonNode node(String mode, String name, String... more) {
        List<String> args = new ArrayList<>(List.of(mode, fixture.gcs.endpoint(), BUCKET, name));
        args.addAll(List.of(more));
        return NodeScenarios.run("gcs-cross-check.mjs", args);
    }

    private static Map<String, String> metadata(JsonNode object) {
        return NodeScenarios.strings(object.get("metadata"));
    }

    @Test
    void metadataTheNodeClientWroteWritesBackUnchanged() {
        Map<String, String> written = new TreeMap<>(Map.of("x-hyphen-key", "one", "dotted.key", "two",
                "Mixed-Case", "three", "plain", "four", "with space", "five"));
        assertThat(metadata(node("put", "from-node.txt", NodeScenarios.jsonFile(written).toString()))).isEqualTo(written);

        Map<String, String> read = fixture.blobs.getProperties(BUCKET, "from-node.txt").metadata();
        assertThat(read).isEqualTo(written);
        fixture.blobs.setMetadata(BUCKET, "from-node.txt", read, RequestConditions.none());
        fixture.blobs.upload(BUCKET, "copy-of-node.txt", "copy".getBytes(), UploadOptions.defaults().withMetadata(read));

        assertThat(metadata(node("head", "from-node.txt"))).isEqualTo(written);
        assertThat(metadata(node("head", "copy-of-node.txt"))).isEqualTo(written);
    }

    @Test
    void objectsUnistoreWroteCarryExactlyTheKeysItWasGiven() {
        Map<String, String> given = Map.of("Author", "ada", "MixedCase_2", "x", "plain", "y");
        fixture.blobs.upload(BUCKET, "from-unistore.txt", "hello".getBytes(),
                UploadOptions.defaults().withMetadata(given));
        assertThat(metadata(node("head", "from-unistore.txt"))).isEqualTo(given);
    }
}
