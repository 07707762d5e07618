package io.unistore.bench;

import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.gcs.GcsStandIn;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The emulators of a run, each started on first use on 127.0.0.1 with the tests' launchers and stopped by
 * {@link #close()}: Azurite (content on disk, so 1 GiB objects fit), S3Proxy ({@code filesystem-nio2}) and
 * the GCS stand-in. Unistore reaches them through addresses as a user writes them; the raw SDK clients are
 * built the way each SDK's documentation shows.
 */
public final class Backends implements AutoCloseable {
    /** The GCS project the stand-in is addressed with. */
    public static final String GCS_PROJECT = "bench";

    private final Workspace workspace;
    private final Log log;
    private Azurite azurite;
    private S3Proxy s3proxy;
    private GcsStandIn gcs;
    private io.unistore.testsupport.aws.Dynalite dynalite;

    public Backends(Workspace workspace, Log log) {
        this.workspace = workspace;
        this.log = log;
        System.setProperty("unistore.root", workspace.root().toString());
        Path s3proxyJar = workspace.benchDir().resolve("target/s3proxy/s3proxy.jar");
        if (System.getProperty(S3Proxy.JAR_PROPERTY) == null && Files.isRegularFile(s3proxyJar)) {
            System.setProperty(S3Proxy.JAR_PROPERTY, s3proxyJar.toString());
        }
    }

    /** Runs a pinned-packages install script ({@code npm ci} when its lock changed). */
    public static void installNode(Workspace workspace, String script, Log log) {
        Path path = workspace.root().resolve(script);
        ManagedProcess.Result r = ManagedProcess.run(List.of("bash", path.toString()), workspace.root(),
                Duration.ofMinutes(10));
        if (r.exitCode() != 0) {
            throw new IllegalStateException(script + " failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        log.detail("%s: ok", script);
    }

    public synchronized Azurite azurite() {
        if (azurite == null) {
            installNode(workspace, "storage-test-support/node/install.sh", log);
            azurite = Azurite.onDisk(workspace.newDir("azurite-"));
            log.info("Azurite on %s", azurite.blobEndpoint());
        }
        return azurite;
    }

    public synchronized S3Proxy s3proxy() {
        if (s3proxy == null) {
            s3proxy = S3Proxy.start(S3Proxy.Backend.FILESYSTEM);
            log.info("S3Proxy on %s", s3proxy.endpoint());
        }
        return s3proxy;
    }

    public synchronized GcsStandIn gcs() {
        if (gcs == null) {
            gcs = GcsStandIn.start(workspace.newDir("gcs-"));
            log.info("GCS stand-in on %s", gcs.endpoint());
        }
        return gcs;
    }

    public synchronized io.unistore.testsupport.aws.Dynalite dynalite() {
        if (dynalite == null) {
            installNode(workspace, "storage-test-support/node/install.sh", log);
            dynalite = io.unistore.testsupport.aws.Dynalite.start();
            log.info("dynalite on %s", dynalite.endpoint());
        }
        return dynalite;
    }

    /** ElasticMQ in this JVM (stopped at exit). */
    public io.unistore.testsupport.aws.ElasticMq elasticMq() {
        return io.unistore.testsupport.aws.ElasticMq.shared();
    }

    // ---- Unistore accounts, opened from addresses -----------------------------------------------------------

    public StorageAccount openAzure() {
        // Azurite keeps no blob versions: the account is told so, as the provider's README says.
        return Unistore.open(azurite().connectionString(), Map.of("versioning", "false"));
    }

    public Map<String, String> s3Options() {
        S3Proxy p = s3proxy();
        Map<String, String> o = new HashMap<>();
        o.put("endpoint", p.endpoint().toString());
        o.put("accessKeyId", p.identity());
        o.put("secretAccessKey", p.credential());
        o.put("region", S3Proxy.REGION);
        return o;
    }

    public StorageAccount openS3() {
        return Unistore.open("s3://", s3Options());
    }

    /** DynamoDB on dynalite (no transactions there) and SQS on ElasticMQ, as one {@code aws://} account. */
    public StorageAccount openAws() {
        return openAws(dynalite().endpoint(), elasticMq().endpoint());
    }

    /** The same account with DynamoDB and SQS at other addresses (a counting proxy in front of the emulators). */
    public StorageAccount openAws(URI dynamodbEndpoint, URI sqsEndpoint) {
        return Unistore.open("aws://", Map.of("services", "dynamodb,sqs", "dynamodbEndpoint",
                dynamodbEndpoint.toString(), "sqsEndpoint", sqsEndpoint.toString(), "region",
                "us-east-1", "accessKeyId", "bench", "secretAccessKey", "bench-secret", "transactions", "false"));
    }

    public StorageAccount openGcs() {
        return Unistore.open("gs://" + GCS_PROJECT, Map.of("endpoint", gcs().endpoint(), "credentials", "none"));
    }

    // ---- raw SDK clients ----------------------------------------------------------------------------------

    public BlobServiceClient azureBlobs() {
        return new BlobServiceClientBuilder().connectionString(azurite().connectionString()).buildClient();
    }

    public TableServiceClient azureTables() {
        return new TableServiceClientBuilder().connectionString(azurite().connectionString()).buildClient();
    }

    public QueueServiceClient azureQueues() {
        return new QueueServiceClientBuilder().connectionString(azurite().connectionString()).buildClient();
    }

    public S3Client s3() {
        S3Proxy p = s3proxy();
        return S3Client.builder().endpointOverride(p.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(p.identity(), p.credential())))
                .build();
    }

    public software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo() {
        return dynamo(dynalite().endpoint());
    }

    public software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo(URI endpoint) {
        return software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench",
                        "bench-secret"))).build();
    }

    public software.amazon.awssdk.services.sqs.SqsClient sqs() {
        return sqs(elasticMq().endpoint());
    }

    public software.amazon.awssdk.services.sqs.SqsClient sqs(URI endpoint) {
        return software.amazon.awssdk.services.sqs.SqsClient.builder()
                .endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench",
                        "bench-secret"))).build();
    }

    public Storage gcsStorage() {
        return StorageOptions.http().setHost(gcs().endpoint()).setProjectId(GCS_PROJECT)
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    @Override
    public synchronized void close() {
        if (azurite != null) {
            azurite.close();
        }
        if (s3proxy != null) {
            s3proxy.close();
        }
        if (gcs != null) {
            gcs.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
