package io.unistore.bench.micro;

import io.unistore.blob.BlobStore;

/** The blob data every blob benchmark needs, written through Unistore once before the runs. */
final class Blobs {
    private Blobs() {
    }

    static void prepare(BlobStore blobs, String container, String listContainer) {
        blobs.createContainerIfNotExists(container);
        blobs.createContainerIfNotExists(listContainer);
        blobs.upload(container, MicroTargets.GET_BLOB, MicroTargets.blobContent());
        byte[] tiny = new byte[16];
        for (int i = 0; i < MicroTargets.listBlobs; i++) {
            blobs.upload(listContainer, String.format("item-%05d", i), tiny);
        }
    }
}
