package io.unistore.gcp;

import io.unistore.StorageAccount;
import io.unistore.tck.BlobStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The blob conformance kit against the GCS stand-in, with versioning on and a (throwaway) service-account
 * key, so versions and V4 signed URLs are tested too.
 */
class GcsBlobStoreTckTest extends BlobStoreContract {

    @Override
    protected StorageAccount openAccount() {
        try {
            return StandInFixture.startSigning(Files.createTempDirectory("unistore-gcs-key-")).accountOwningStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
