package io.unistore.crypto;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import io.unistore.testsupport.azurite.Azurite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit's blob contract on Azurite through the encryption layer. It has an Azurite of its own, on
 * disk: the shared in-memory one is capped at 512 MiB, which the kit's large blob would crowd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The whole kit on an emulator takes minutes on CI's 2 cores; the default build runs it on the local provider
// (LocalEncryptedBlobTckTest) and proves the Azure format both ways on Azurite (AzureInteropTest).
@EnabledIfSystemProperty(named = "unistore.layerKits", matches = "true")
class AzureEncryptedBlobTckTest extends BlobStoreContract {
    @TempDir
    static Path dir;
    private static Azurite azurite;

    /** Stops Azurite once the whole class is done (the kit's nested classes end earlier). */
    @RegisterExtension
    static final AfterAllCallback STOP_AZURITE = context -> {
        if (context.getRequiredTestClass() == AzureEncryptedBlobTckTest.class && azurite != null) {
            azurite.close();
        }
    };

    @Override
    protected StorageAccount openAccount() {
        try {
            azurite = Azurite.onDisk(Files.createDirectories(dir.resolve("azurite")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Unistore.builder().address(azurite.connectionString())
                .options(Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "100"))
                .layer(EncryptionLayer.of(TestKeys.create("azure"))).open();
    }
}
