package io.unistore.ops;

/** How one object was (or would be) copied. */
public enum CopyMethod {
    /** {@code BlobStore.copy} within one account: the service copies, no bytes pass through this machine. */
    SERVER_COPY,
    /** The target service fetched a presigned URL of the source: no bytes pass through this machine. */
    COPY_FROM_URL,
    /** Read from the source and uploaded to the target through this machine, hashed on the way. */
    STREAM
}
