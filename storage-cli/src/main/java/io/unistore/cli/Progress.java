package io.unistore.cli;

import io.unistore.ops.OpsProgress;
import io.unistore.ops.ProgressCallback;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar in bytes on stderr (me.tongfei:progressbar), or nothing when output is not a terminal,
 * {@code --quiet} or {@code --json}: pipes and scripts see only the result.
 */
final class Progress implements AutoCloseable {
    private static final long MIB = 1024 * 1024;
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(Output output, String task, long totalBytes) {
        if (!output.progress()) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(totalBytes, 0))
                .setUnit(" MiB", MIB).showSpeed().setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                .build());
    }

    /** Adds transferred bytes. */
    void add(long bytes) {
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    /** Feeds the bar from a storage-ops operation. */
    ProgressCallback callback() {
        if (bar == null) {
            return null;
        }
        return (OpsProgress p) -> {
            if (p.bytesTotal() > 0) {
                bar.maxHint(p.bytesTotal());
            }
            bar.stepTo(p.bytesDone());
            bar.setExtraMessage(p.itemsDone() + (p.itemsTotal() >= 0 ? "/" + p.itemsTotal() : "") + " objects");
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
