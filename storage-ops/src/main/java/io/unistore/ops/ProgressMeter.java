package io.unistore.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Counts items and bytes from many threads and reports them to a callback at most once per interval. */
final class ProgressMeter {
    private final String operation;
    private final ProgressCallback callback;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private final AtomicLong itemsDone = new AtomicLong();
    private final AtomicLong itemsSkipped = new AtomicLong();
    private final AtomicLong itemsFailed = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private volatile long itemsTotal = -1;
    private volatile long bytesTotal = -1;
    private volatile String phase = "starting";
    private long lastReport;

    ProgressMeter(String operation, ProgressCallback callback, Duration interval) {
        this.operation = operation;
        this.callback = callback == null ? ProgressCallback.NONE : callback;
        this.intervalNanos = interval == null ? 0 : interval.toNanos();
        this.lastReport = start - intervalNanos;
    }

    void phase(String value) {
        phase = value;
        report(true);
    }

    void totals(long items, long bytes) {
        itemsTotal = items;
        bytesTotal = bytes;
    }

    void bytes(long n) {
        bytesDone.addAndGet(n);
        report(false);
    }

    void done() {
        itemsDone.incrementAndGet();
        report(false);
    }

    void skipped() {
        itemsSkipped.incrementAndGet();
        done();
    }

    void failed() {
        itemsFailed.incrementAndGet();
        done();
    }

    /** Counts many items at once (a table batch). */
    void done(long items) {
        itemsDone.addAndGet(items);
        report(false);
    }

    long bytesDone() {
        return bytesDone.get();
    }

    OpsProgress snapshot() {
        long elapsed = System.nanoTime() - start;
        double seconds = Math.max(elapsed / 1e9, 1e-9);
        long items = itemsDone.get();
        long bytes = bytesDone.get();
        double itemRate = items / seconds;
        double byteRate = bytes / seconds;
        Duration eta = null;
        if (bytesTotal > 0 && byteRate > 0 && bytes > 0) {
            eta = Duration.ofMillis((long) (Math.max(0, bytesTotal - bytes) / byteRate * 1000));
        } else if (itemsTotal >= 0 && itemRate > 0 && items > 0) {
            eta = Duration.ofMillis((long) (Math.max(0, itemsTotal - items) / itemRate * 1000));
        }
        return new OpsProgress(operation, phase, items, itemsTotal, bytes, bytesTotal, itemsSkipped.get(),
                itemsFailed.get(), byteRate, itemRate, Duration.ofNanos(elapsed), eta);
    }

    /** Reports now if forced or the interval has passed since the last report. */
    void report(boolean force) {
        long now = System.nanoTime();
        synchronized (this) {
            if (!force && now - lastReport < intervalNanos) {
                return;
            }
            lastReport = now;
            callback.onProgress(snapshot());
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
