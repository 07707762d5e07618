package io.unistore.testsupport.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Wire details of the stand-in, spoken to in raw HTTP: what Google's clients rely on. */
class GcsStandInProtocolTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = JsonMapper.builder().build();
    static GcsStandIn gcs;

    @BeforeAll
    static void start() throws Exception {
        gcs = GcsStandIn.start();
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/storage/v1/b?project=p"))
                .header("Content-Encoding", "gzip").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip("{\"name\":\"wire\",\"versioning\":{\"enabled\":true}}"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        gcs.close();
    }

    @Test
    void gzippedBodiesAndNumbersAsStrings() throws Exception {
        JsonNode bucket = JSON.readTree(send(HttpRequest.newBuilder(uri("/storage/v1/b/wire")).GET()).body());
        assertThat(bucket.get("metageneration").isString()).isTrue();
        assertThat(bucket.path("versioning").path("enabled").asBoolean()).isTrue();
        JsonNode object = upload("a/b ü+%.txt", "hello");
        assertThat(object.get("size").isString()).isTrue();
        assertThat(object.get("size").asString()).isEqualTo("5");
        assertThat(object.get("generation").isString()).isTrue();
        assertThat(object.get("md5Hash").asString()).isEqualTo("XUFAKrxLKna5cZ2REBfFkg==");
        assertThat(object.get("crc32c").asString()).isEqualTo("mnG7TA==");
    }

    @Test
    void percentEncodedNamesAndMethodOverride() throws Exception {
        String name = "dir/ünï code#?.txt";
        upload(name, "x");
        String path = "/storage/v1/b/wire/o/" + encode(name);
        assertThat(send(HttpRequest.newBuilder(uri(path)).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> patched = send(HttpRequest.newBuilder(uri(path))
                .header("X-HTTP-Method-Override", "PATCH").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"k\":\"v\"}}")));
        JsonNode after = JSON.readTree(patched.body());
        assertThat(after.path("metadata").path("k").asString()).isEqualTo("v");
        assertThat(after.get("metageneration").asString()).isEqualTo("2");
        assertThat(after.get("name").asString()).isEqualTo(name);
    }

    @Test
    void errorsUseTheDocumentedJson() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/storage/v1/b/wire/o/nope")).GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(missing.body()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(404);
        assertThat(error.get("message").asString()).isNotEmpty();
        assertThat(error.get("errors").get(0).get("reason").asString()).isEqualTo("notFound");
        assertThat(missing.headers().firstValue("X-GUploader-UploadID")).isPresent();

        upload("exists", "1");
        HttpResponse<String> conflict = send(HttpRequest.newBuilder(
                uri("/upload/storage/v1/b/wire/o?uploadType=media&name=exists&ifGenerationMatch=0"))
                .POST(HttpRequest.BodyPublishers.ofString("2")));
        assertThat(conflict.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(conflict.body()).at("/error/errors/0/reason").asString()).isEqualTo("conditionNotMet");
    }

    @Test
    void resumableSessionsAnswer308UntilTheLastChunk() throws Exception {
        HttpResponse<String> start = send(HttpRequest.newBuilder(
                uri("/upload/storage/v1/b/wire/o?uploadType=resumable&name=chunked"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(gcs.endpoint() + "/upload/storage/v1/b/wire/o?");
        // Chunks go through HttpURLConnection, which hands a 308 back as it is.
        HttpURLConnection first = put(location, "bytes 0-3/*", "abcd");
        assertThat(first.getResponseCode()).isEqualTo(308);
        assertThat(first.getHeaderField("Range")).isEqualTo("bytes=0-3");
        assertThat(send(HttpRequest.newBuilder(uri("/storage/v1/b/wire/o/chunked")).GET()).statusCode())
                .as("nothing visible before the last chunk").isEqualTo(404);
        assertThat(put(location, "bytes */*", "").getResponseCode()).isEqualTo(308);
        // A retransmitted overlap is skipped: bytes 2-5 after 0-3 add only "ef".
        assertThat(put(location, "bytes 2-5/6", "cdef").getResponseCode()).isEqualTo(200);
        HttpResponse<String> media = send(HttpRequest.newBuilder(
                uri("/download/storage/v1/b/wire/o/chunked?alt=media")).header("Range", "bytes=1-").GET());
        assertThat(media.statusCode()).isEqualTo(206);
        assertThat(media.body()).isEqualTo("bcdef");
        assertThat(media.headers().firstValue("Content-Range")).hasValue("bytes 1-5/6");
        assertThat(media.headers().firstValue("X-Goog-Hash").orElse("")).contains("md5=");
    }

    private static JsonNode upload(String name, String content) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(
                uri("/upload/storage/v1/b/wire/o?uploadType=media&name=" + encode(name)))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(content)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpURLConnection put(String url, String contentRange, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod("PUT");
        c.setRequestProperty("Content-Range", contentRange);
        c.setDoOutput(true);
        c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        c.getResponseCode();
        return c;
    }

    private static URI uri(String path) {
        return URI.create(gcs.endpoint() + path);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
