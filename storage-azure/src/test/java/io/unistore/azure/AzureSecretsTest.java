package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.PresignOptions;
import io.unistore.spi.ProviderConfig;
import io.unistore.table.TableEntity;
import io.unistore.testsupport.FreePorts;
import io.unistore.testsupport.azurefiles.AzureFilesStandIn;
import io.unistore.testsupport.azurefiles.LoopbackRedirectPolicy;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.secrets.Canaries;
import io.unistore.testsupport.secrets.Canary;
import io.unistore.testsupport.secrets.EchoServer;
import io.unistore.testsupport.secrets.LeakProbes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, secrets: account keys, SAS signatures and connection strings handed to the Azure provider, each
 * received by a back end that checks it (Azurite's canary account, the Files stand-in), then driven through every
 * error path: wrong key (403), missing items (404), bad arguments, an unreachable endpoint, a service that echoes
 * the whole request in its error, malformed connection strings and addresses. Every exception (whole chain),
 * result and log line is scanned for every canary.
 */
class AzureSecretsTest {
    /** The neutral code of a failure, as the probes check it. */
    private static final java.util.function.Function<Throwable, String> CODE = t -> t instanceof StorageException e
            ? e.code().name() : t.getClass().getName();
    private static final Map<String, String> FAST = Map.of("versioning", "false", "maxRetries", "1",
            "retryDelayMs", "50");
    /** A key or SAS the service does not accept: Azure says AuthenticationFailed, Azurite AuthorizationFailure. */
    private static final List<String> DENIED = List.of("UNAUTHENTICATED", "PERMISSION_DENIED");
    private static final String SAS = "sv=2021-08-06&ss=bqt&srt=sco&sp=rwdlacup&se=2099-01-01T00:00:00Z&sig="
            + URLEncoder.encode(Canaries.SAS_SIGNATURE.value(), StandardCharsets.UTF_8);

    @Test
    void noCanaryLeaksFromAnyErrorPath() {
        Azurite azurite = Azurite.shared();
        List<Canary> canaries = new ArrayList<>(Canaries.all());
        canaries.add(new Canary("files stand-in key", AzureFilesStandIn.KEY));
        String good = azurite.connectionString(Azurite.CANARY_ACCOUNT);
        String wrong = good.replace(Canaries.AZURE_ACCOUNT_KEY.value(), Canaries.AZURE_WRONG_KEY.value());
        String endpoints = good.substring(good.indexOf(";BlobEndpoint=") + 1);
        try (LeakProbes probes = new LeakProbes(canaries, CODE);
             EchoServer echo = EchoServer.start(400, "application/xml", Map.of("x-ms-error-code",
                     "InvalidQueryParameterValue"), request -> "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error>"
                     + "<Code>InvalidQueryParameterValue</Code><Message>" + EchoServer.xml(request)
                     + "</Message></Error>")) {
            Callable<StorageAccount> open = () -> probes.keep(Unistore.open(good, FAST));
            StorageAccount ok = probes.result("open with the canary key", open);
            String container = AzuriteAccounts.name("canary");
            probes.result("create a container", () -> {
                ok.blobs().createContainer(container);
                return ok.blobs().upload(container, "b.txt", new byte[] {1});
            });
            probes.result("presign", () -> ok.blobs().generatePresignedUrl(container, "b.txt",
                    PresignOptions.read(Duration.ofMinutes(5))));
            probes.result("describe the account", () -> ok + " / " + ok.displayName());
            probes.failure(List.of("NOT_FOUND"), "missing blob", () -> ok.blobs().downloadBytes(container, "absent"));
            probes.failure(List.of("NOT_FOUND"), "missing container", () -> ok.blobs().getContainerProperties(
                    "absent-container"));
            probes.failure(List.of("NOT_FOUND"), "missing table", () -> ok.tables().getEntity("Absent", "p", "r"));
            probes.failure(List.of("NOT_FOUND"), "missing queue", () -> ok.queues().receiveMessages("absent-queue"));
            probes.failure(List.of("INVALID_ARGUMENT"), "bad container name", () -> {
                ok.blobs().createContainer("Bad_Name");
                return null;
            });
            probes.failure(List.of("PRECONDITION_FAILED"), "stale ETag", () -> ok.blobs().upload(container, "b.txt",
                    new java.io.ByteArrayInputStream(new byte[] {2}), io.unistore.blob.UploadOptions.defaults()
                            .withConditions(io.unistore.RequestConditions.ifMatch("\"0x1\""))));
            probes.result("delete the container", () -> ok.blobs().deleteContainer(container));

            StorageAccount bad = probes.result("open with a wrong key", () -> probes.keep(
                    Unistore.open(wrong, FAST)));
            probes.failure(DENIED, "wrong key: containers", () -> bad.blobs().listContainers()
                    .stream().toList());
            probes.failure(DENIED, "wrong key: upload", () -> bad.blobs().upload("any-container",
                    "b", new byte[] {1}));
            probes.failure(DENIED, "wrong key: tables", () -> bad.tables().listTables().stream()
                    .toList());
            probes.failure(DENIED, "wrong key: entity", () -> bad.tables().upsertEntity("Tab",
                    TableEntity.of("p", "r"), io.unistore.table.UpdateMode.MERGE));
            probes.failure(DENIED, "wrong key: queue", () -> bad.queues().sendMessage("any-queue", "x"));

            StorageAccount sas = probes.result("open with a SAS", () -> probes.keep(Unistore.open(endpoints
                    .replaceAll("AccountKey=[^;]*;?", "") + "SharedAccessSignature=" + SAS, FAST)));
            probes.failure(DENIED, "forged SAS: containers", () -> sas.blobs().listContainers()
                    .stream().toList());
            probes.failure(DENIED, "forged SAS: tables", () -> sas.tables().listTables().stream()
                    .toList());
            StorageAccount sasUrl = probes.result("open a SAS URL", () -> probes.keep(Unistore.builder()
                    .address(azurite.blobEndpoint().replace(Azurite.ACCOUNT, Azurite.CANARY_ACCOUNT) + "/sas-c?" + SAS)
                    .provider("azure").options(FAST).open()));
            probes.failure(DENIED, "forged SAS URL: download", () -> sasUrl.blobs().downloadBytes("sas-c", "b"));
            StorageAccount keyOption = probes.result("open an account URL with a key option", () -> probes.keep(
                    Unistore.builder().address(azurite.blobEndpoint().replace(Azurite.ACCOUNT,
                            Azurite.CANARY_ACCOUNT)).provider("azure").option("accountName", Azurite.CANARY_ACCOUNT)
                            .option("accountKey", Canaries.AZURE_WRONG_KEY.value()).options(FAST).open()));
            probes.failure(DENIED, "key option: containers", () -> keyOption.blobs()
                    .listContainers().stream().toList());

            String closed = "http://127.0.0.1:" + FreePorts.next() + "/" + Azurite.CANARY_ACCOUNT;
            StorageAccount gone = probes.result("open an unreachable account", () -> probes.keep(Unistore.open(
                    "AccountName=" + Azurite.CANARY_ACCOUNT + ";AccountKey=" + Canaries.AZURE_ACCOUNT_KEY.value()
                            + ";BlobEndpoint=" + closed + ";QueueEndpoint=" + closed + ";TableEndpoint=" + closed,
                    FAST)));
            probes.failure(List.of("UNAVAILABLE"), "unreachable: blobs", () -> gone.blobs().exists("gone-c", "b"));
            probes.failure(List.of("UNAVAILABLE"), "unreachable: tables", () -> gone.tables().tableExists("Tab"));
            probes.failure(List.of("UNAVAILABLE"), "unreachable: queues", () -> gone.queues().queueExists("q-q"));

            String echoed = echo.endpoint() + "/" + Azurite.CANARY_ACCOUNT;
            StorageAccount parrot = probes.result("open a service that echoes requests", () -> probes.keep(
                    Unistore.open("BlobEndpoint=" + echoed + ";QueueEndpoint=" + echoed + ";TableEndpoint=" + echoed
                            + ";SharedAccessSignature=" + SAS, FAST)));
            probes.failure(List.of("INVALID_ARGUMENT"), "echo: blobs", () -> parrot.blobs().downloadBytes("echo-c",
                    "b"));
            probes.failure(List.of("INVALID_ARGUMENT"), "echo: queues", () -> parrot.queues().peekMessages("q-q", 1));
            probes.failure(List.of(), "echo: tables", () -> parrot.tables().getEntity("Tab", "p", "r"));
            assertThat(echo.requests()).as("the SAS reached the echoing service").anySatisfy(r -> assertThat(r)
                    .contains(URLEncoder.encode(Canaries.SAS_SIGNATURE.value(), StandardCharsets.UTF_8)));

            for (String malformed : List.of("AccountName=x;AccountKey=" + Canaries.AZURE_ACCOUNT_KEY.value()
                    + ";BlobEndpoint=::not a url", "DefaultEndpointsProtocol=https;AccountKey="
                    + Canaries.AZURE_ACCOUNT_KEY.value(), "AccountName=x;AccountKey=" + Canaries.AZURE_WRONG_KEY.value()
                    + ";EndpointSuffix", "BlobEndpoint=http://127.0.0.1:1/x;SharedAccessSignature=sig="
                    + Canaries.SAS_SIGNATURE.value() + ";Bogus")) {
                probes.failure(List.of("INVALID_ARGUMENT"), "malformed connection string", () -> probes.keep(
                        Unistore.open(malformed, FAST)).blobs().exists("any-c", "b"));
            }

            StorageAccount files = probes.result("open Files with a wrong key", () -> probes.keep(
                    filesAccount(Canaries.AZURE_WRONG_KEY.value())));
            probes.failure(DENIED, "wrong key: shares", () -> files.files().listShares().stream()
                    .toList());
            StorageAccount share = probes.result("open Files with its key", () -> probes.keep(
                    filesAccount(AzureFilesStandIn.KEY)));
            probes.failure(List.of("NOT_FOUND"), "missing share", () -> share.files().openInputStream("absent-share",
                    "f", null));

            assertThat(probes.findings()).as(probes.summary()).isEmpty();
        }
    }

    private static StorageAccount filesAccount(String key) {
        AzureFilesStandIn standIn = AzureFilesStandIn.shared();
        return Unistore.of(AzureProvider.open(new ProviderConfig("AccountName=" + AzureFilesStandIn.ACCOUNT
                + ";AccountKey=" + key + ";FileEndpoint=" + AzureFilesStandIn.SDK_ENDPOINT, FAST),
                List.of(new LoopbackRedirectPolicy(standIn.port()))));
    }



}
