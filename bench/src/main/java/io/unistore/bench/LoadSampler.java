package io.unistore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the 1-minute load average every few seconds while a section runs, so the report says how busy the
 * machine was (other processes count too: a shared machine makes numbers noisy).
 */
public final class LoadSampler implements AutoCloseable {
    private final List<Double> samples = new ArrayList<>();
    private final Thread thread;

    public LoadSampler() {
        sample();
        thread = new Thread(this::loop, "load-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The 1-minute load average now, or NaN where /proc/loadavg is missing. */
    public static double now() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void loop() {
        try {
            while (true) {
                Thread.sleep(5000);
                sample();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void sample() {
        double v = now();
        if (!Double.isNaN(v)) {
            samples.add(v);
        }
    }

    public synchronized double mean() {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    public synchronized double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    @Override
    public void close() {
        thread.interrupt();
        sample();
    }
}
