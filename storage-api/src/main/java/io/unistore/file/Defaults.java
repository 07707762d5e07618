package io.unistore.file;

/** The default instances of the options types of this package, made once. */
final class Defaults {
    static final CreateShareOptions CREATE_SHARE = CreateShareOptions.builder().build();
    static final FileUploadOptions UPLOAD = FileUploadOptions.builder().build();
    static final ListFilesOptions LIST = ListFilesOptions.builder().build();

    private Defaults() {
    }
}
