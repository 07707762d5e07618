package io.unistore.aws;

import static io.unistore.aws.S3CopyAndTierTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.StorageAccount;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.UploadOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Buckets as containers, ListObjectsV2 paging with prefixes, and DeleteObjects batches. */
class S3ListingTest {
    private static StorageAccount account;
    private static BlobStore blobs;
    private static String bucket;

    @BeforeAll
    static void open() {
        account = S3ProxyAccounts.open(false);
        blobs = account.blobs();
        bucket = S3ProxyAccounts.bucket("list");
        blobs.createContainer(bucket);
        for (String name : List.of("a.txt", "dir/b.txt", "dir/c.txt", "dir/sub/d.txt", "e.txt", "zé/ünï.txt")) {
            blobs.upload(bucket, name, name.getBytes(), UploadOptions.defaults().withMetadata(Map.of("Name", "x")));
        }
    }

    @AfterAll
    static void close() {
        blobs.deleteContainer(bucket);
        account.close();
    }

    @Test
    void aBucketWithDotsMadeElsewhereIsUsableButNotCreated() {
        String dotted = S3ProxyAccounts.bucket("dot") + ".ted";
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.createContainer(dotted));
        assertThat(blobs.containerExists(dotted)).as("refused before any request").isFalse();
        try (var raw = S3ProxyAccounts.rawClient()) {
            raw.createBucket(b -> b.bucket(dotted));
        }
        assertThat(blobs.containerExists(dotted)).isTrue();
        blobs.upload(dotted, "k", "v".getBytes());
        assertThat(blobs.downloadBytes(dotted, "k")).isEqualTo("v".getBytes());
        assertThat(blobs.listContainers(ListOptions.prefix(dotted)).stream().map(ContainerInfo::name))
                .containsExactly(dotted);
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.exists("dot..ted", "k"));
        assertThat(blobs.deleteContainer(dotted)).isTrue();
    }

    @Test
    void containersAreCreatedOnceListedInPagesAndDeletedWithTheirContent() {
        String prefix = S3ProxyAccounts.bucket("pg");
        List<String> names = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        names.forEach(blobs::createContainer);
        assertFails(ErrorCode.ALREADY_EXISTS, () -> blobs.createContainer(names.get(0)));
        assertThat(blobs.createContainerIfNotExists(names.get(0))).isFalse();
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.createContainer("Bad_Name"));
        Page<ContainerInfo> first = blobs.listContainers(ListOptions.prefix(prefix).withPageSize(2)).firstPage();
        assertThat(first.items()).extracting(ContainerInfo::name).containsExactly(names.get(0), names.get(1));
        assertThat(first.continuationToken()).isNotNull();
        assertThat(blobs.listContainers(ListOptions.prefix(prefix).withPageSize(2)
                .withContinuationToken(first.continuationToken())).stream().map(ContainerInfo::name))
                .containsExactly(names.get(2));
        assertThat(blobs.listContainers(ListOptions.prefix(prefix)).stream().map(ContainerInfo::name))
                .containsExactlyElementsOf(names);
        blobs.upload(names.get(0), "inside", "x".getBytes());
        assertThat(blobs.getContainerProperties(names.get(0)).name()).isEqualTo(names.get(0));
        names.forEach(n -> assertThat(blobs.deleteContainer(n)).isTrue());
        assertThat(blobs.deleteContainer(names.get(0))).isFalse();
        assertThat(blobs.containerExists(names.get(0))).isFalse();
        assertFails(ErrorCode.NOT_FOUND, () -> blobs.getContainerProperties(names.get(0)));
    }

    @Test
    void flatListingPagesInNameOrder() {
        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (var page : blobs.list(bucket, ListBlobsOptions.defaults().withPageSize(4)).byPage()) {
            page.items().forEach(i -> seen.add(i.name()));
            pages++;
        }
        assertThat(seen).containsExactly("a.txt", "dir/b.txt", "dir/c.txt", "dir/sub/d.txt", "e.txt", "zé/ünï.txt");
        assertThat(pages).isEqualTo(2);
        BlobItem a = blobs.list(bucket).stream().findFirst().orElseThrow();
        assertThat(a.properties().size()).isEqualTo(5);
        assertThat(a.properties().etag()).isNotNull();
        assertThat(a.properties().contentMd5()).isNotNull();
        assertThat(a.properties().tier()).isNotNull();
        assertThat(a.properties().metadata()).isEmpty();
    }

    @Test
    void delimiterGroupsPrefixesAndMetadataCanBeIncluded() {
        List<BlobItem> top = blobs.list(bucket, ListBlobsOptions.defaults().withDelimiter("/")).stream().toList();
        assertThat(top).extracting(BlobItem::name).containsExactly("a.txt", "dir/", "e.txt", "zé/");
        assertThat(top).extracting(BlobItem::prefix).containsExactly(false, true, false, true);
        List<BlobItem> dir = blobs.list(bucket, ListBlobsOptions.prefix("dir/").withDelimiter("/")
                .withIncludeMetadata(true)).stream().toList();
        assertThat(dir).extracting(BlobItem::name).containsExactly("dir/b.txt", "dir/c.txt", "dir/sub/");
        assertThat(dir.get(0).properties().metadata()).isEqualTo(Map.of("name", "x"));
        assertThat(dir.get(0).properties().contentType()).isNotNull();
        var paged = blobs.list(bucket, ListBlobsOptions.prefix("dir/").withDelimiter("/").withPageSize(2))
                .firstPage();
        assertThat(paged.items()).hasSize(2);
        assertThat(paged.continuationToken()).isNotNull();
        assertFails(ErrorCode.NOT_FOUND, () -> blobs.list("no-such-bucket-z3").firstPage());
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.list(bucket, ListBlobsOptions.defaults()
                .withContinuationToken("%%%not-a-token")).firstPage());
    }

    @Test
    void oddNamesRoundTrip() {
        String b = S3ProxyAccounts.bucket("names");
        blobs.createContainer(b);
        List<String> names = List.of("a b+c%d?e#f&g=h", "ü/ß/日本語.txt", "~!$'()*,;:@[]",
                "plus+and space ", "percent%2Fencoded");
        for (String n : names) {
            blobs.upload(b, n, n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String n : names) {
            assertThat(blobs.downloadBytes(b, n)).as(n).isEqualTo(n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(blobs.exists(b, n)).as(n).isTrue();
        }
        assertThat(blobs.list(b).stream().map(BlobItem::name)).containsExactlyElementsOf(
                names.stream().sorted().toList());
        assertThat(blobs.deleteBlobs(b, names).deleted()).hasSize(names.size());
        assertThat(blobs.list(b).stream()).isEmpty();
        blobs.deleteContainer(b);
    }

    @Test
    void batchDeleteSendsThousandsInBatches() {
        String b = S3ProxyAccounts.bucket("batch");
        blobs.createContainer(b);
        List<String> names = IntStream.range(0, 1003).mapToObj(i -> "k/" + i).toList();
        names.parallelStream().forEach(n -> blobs.upload(b, n, new byte[0]));
        List<String> asked = new ArrayList<>(names);
        asked.add("never-there");
        asked.add("/bad");
        BatchDeleteResult r = blobs.deleteBlobs(b, asked);
        assertThat(r.deleted()).hasSize(1004).contains("never-there");
        assertThat(r.failed()).containsOnlyKeys("/bad");
        assertThat(r.failed().get("/bad").code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(blobs.list(b).stream()).isEmpty();
        blobs.deleteContainer(b);
    }
}
