package io.unistore.table;

import io.unistore.ErrorCode;
import io.unistore.StorageException;

/**
 * A table transaction was refused and nothing of it was written. {@link #code()} says why (e.g.
 * ALREADY_EXISTS, NOT_FOUND, PRECONDITION_FAILED); {@link #failedActionIndex()} says which action.
 */
public class TransactionFailedException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final int failedActionIndex;

    public TransactionFailedException(ErrorCode code, String message, int failedActionIndex, Throwable cause,
                                      int providerStatus, String providerCode, String requestId) {
        super(code, message, cause, providerStatus, providerCode, requestId);
        this.failedActionIndex = failedActionIndex;
    }

    public TransactionFailedException(ErrorCode code, String message, int failedActionIndex) {
        this(code, message, failedActionIndex, null, 0, null, null);
    }

    /** The index, in the submitted list, of the action that failed; -1 when the service did not say. */
    public int failedActionIndex() {
        return failedActionIndex;
    }
}
