package io.unistore.internal;

import io.unistore.ErrorCode;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.spi.Secrets;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Makes sure nothing but a {@link StorageException} leaves a provider or a layer, also from lazily fetched
 * pages and returned streams, and that no message carries a secret.
 */
final class Guard {
    private final String providerId;

    Guard(String providerId) {
        this.providerId = providerId;
    }

    /** Runs a call, translating what it throws. */
    <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** Runs a call without result, translating what it throws. */
    void run(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** A listing whose every page fetch is translated. */
    <T> PagedIterable<T> pages(Supplier<PagedIterable<T>> listing) {
        return call(listing).aroundFetch(fetch -> {
            try {
                return fetch.get();
            } catch (RuntimeException e) {
                throw translate(e);
            }
        });
    }

    /** A stream whose runtime failures become IOExceptions carrying a StorageException. */
    InputStream stream(Supplier<InputStream> open) {
        return new GuardedInputStream(call(open));
    }

    /** Anything but a StorageException becomes one, without secrets in its message. */
    StorageException translate(Throwable t) {
        if (t instanceof StorageException se) {
            return se;
        }
        if (t instanceof IllegalArgumentException) {
            return new StorageException(ErrorCode.INVALID_ARGUMENT, Secrets.redact(t.getMessage()), t);
        }
        if (t instanceof UncheckedIOException) {
            return new StorageException(ErrorCode.UNAVAILABLE, providerId + " I/O failure: "
                    + Secrets.redact(t.getMessage()), t);
        }
        return new StorageException(ErrorCode.INTERNAL, providerId + " failed unexpectedly: "
                + t.getClass().getSimpleName() + ": " + Secrets.redact(t.getMessage()), t);
    }

    /** Keeps runtime exceptions of a provider's stream inside the IOException contract of InputStream. */
    private final class GuardedInputStream extends FilterInputStream {
        GuardedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (RuntimeException e) {
                throw new IOException(translate(e));
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (RuntimeException e) {
                throw new IOException(translate(e));
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (RuntimeException e) {
                throw new IOException(translate(e));
            }
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } catch (RuntimeException e) {
                throw new IOException(translate(e));
            }
        }
    }
}
