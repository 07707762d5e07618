package io.unistore.blob;

/** The default instances of the options types of this package, made once. */
final class Defaults {
    static final UploadOptions UPLOAD = UploadOptions.builder().build();
    static final CopyOptions COPY = CopyOptions.builder().build();
    static final ReadOptions READ = ReadOptions.builder().build();
    static final DeleteBlobOptions DELETE = DeleteBlobOptions.builder().build();
    static final ListBlobsOptions LIST_BLOBS = ListBlobsOptions.builder().build();

    private Defaults() {
    }
}
