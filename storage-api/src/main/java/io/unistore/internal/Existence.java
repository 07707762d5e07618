package io.unistore.internal;

import io.unistore.ErrorCode;
import io.unistore.StorageException;

/** The create-unless-it-exists convention behind every store's {@code create*IfNotExists}. */
public final class Existence {
    private Existence() {
    }

    /**
     * Runs {@code create}; an ALREADY_EXISTS failure means someone made it first.
     *
     * @return true if this call created it
     */
    public static boolean createdUnlessExists(Runnable create) {
        try {
            create.run();
            return true;
        } catch (StorageException e) {
            if (e.code() == ErrorCode.ALREADY_EXISTS) {
                return false;
            }
            throw e;
        }
    }
}
