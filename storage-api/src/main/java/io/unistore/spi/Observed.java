package io.unistore.spi;

import io.unistore.Page;
import io.unistore.PagedIterable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** The one place the observed stores run a call inside its scope. */
final class Observed {
    private final CallObserver observer;
    private final String store;

    Observed(CallObserver observer, String store) {
        this.observer = observer;
        this.store = store;
    }

    <T> T read(String operation, Supplier<T> call, String... targets) {
        return run(new StoreCall(store, operation, false, List.of(targets)), call, r -> 0);
    }

    <T> T write(String operation, Supplier<T> call, String... targets) {
        return run(new StoreCall(store, operation, true, List.of(targets)), call, r -> 0);
    }

    void write(String operation, Runnable call, String... targets) {
        run(new StoreCall(store, operation, true, List.of(targets)), () -> {
            call.run();
            return null;
        }, r -> 0);
    }

    <T> T write(String operation, Supplier<T> call, ToLongFunction<T> bytes, String... targets) {
        return run(new StoreCall(store, operation, true, List.of(targets)), call, bytes);
    }

    <T> T read(String operation, Supplier<T> call, ToLongFunction<T> bytes, String... targets) {
        return run(new StoreCall(store, operation, false, List.of(targets)), call, bytes);
    }

    /** A listing whose every page fetch is one observed call. */
    <T> PagedIterable<T> pages(String operation, Supplier<PagedIterable<T>> call, String... targets) {
        StoreCall c = new StoreCall(store, operation, false, List.of(targets));
        return call.get().aroundFetch(fetch -> run(c, fetch, (Page<T> p) -> 0));
    }

    /** A stream whose call ends when it is closed (or fails to open), with the bytes read. */
    InputStream stream(String operation, Supplier<InputStream> open, String... targets) {
        CallObserver.Scope scope = observer.start(new StoreCall(store, operation, false, List.of(targets)));
        InputStream in;
        try {
            in = open.get();
        } catch (RuntimeException | Error e) {
            scope.end(e);
            throw e;
        }
        return new CountedStream(in, scope);
    }

    private <T> T run(StoreCall call, Supplier<T> body, ToLongFunction<T> bytes) {
        CallObserver.Scope scope = observer.start(call);
        T result;
        try {
            result = body.get();
        } catch (RuntimeException | Error e) {
            scope.end(e);
            throw e;
        }
        long n = result == null ? 0 : bytes.applyAsLong(result);
        if (n > 0) {
            scope.bytes(n);
        }
        scope.end(null);
        return result;
    }

    /** Counts what is read and ends the scope once, on close or on a read error. */
    private static final class CountedStream extends FilterInputStream {
        private final CallObserver.Scope scope;
        private final AtomicBoolean ended = new AtomicBoolean();

        CountedStream(InputStream in, CallObserver.Scope scope) {
            super(in);
            this.scope = scope;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b >= 0) {
                    scope.bytes(1);
                }
                return b;
            } catch (IOException | RuntimeException e) {
                end(e);
                throw e;
            }
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            try {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    scope.bytes(n);
                }
                return n;
            } catch (IOException | RuntimeException e) {
                end(e);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                end(null);
            }
        }

        private void end(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                scope.end(failure);
            }
        }
    }
}
