package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ListBlobsOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds anomalies among the blobs of a container: size outliers (on log10 of the size, since sizes spread over
 * orders of magnitude), age outliers (last-modified far from the others; services keep it to the second, so the
 * spread is taken as at least one second) and upload gaps and bursts
 * ({@link TimeAnomalies} on last-modified times). Reads up to {@code maxBlobs} blob listings.
 */
public final class BlobAnomalies {
    private BlobAnomalies() {
    }

    public static AnomalyReport detect(StorageAccount account, String container, String prefix, int maxBlobs,
                                       Duration minGap) {
        if (maxBlobs < 1 || maxBlobs > 1_000_000) {
            throw StorageException.invalidArgument("maxBlobs", "must be 1 to 1000000, was " + maxBlobs);
        }
        if (minGap == null || minGap.isNegative()) {
            throw StorageException.invalidArgument("minGap", "must be zero or more");
        }
        List<BlobProperties> blobs = new ArrayList<>();
        boolean truncated = false;
        ListBlobsOptions options = ListBlobsOptions.defaults().withPrefix(prefix);
        for (BlobItem b : account.blobs().list(container, options)) {
            if (blobs.size() == maxBlobs) {
                truncated = true;
                break;
            }
            if (!b.prefix()) {
                blobs.add(b.properties());
            }
        }
        List<Anomaly> out = new ArrayList<>();
        if (blobs.size() >= TableAnomalies.MIN_VALUES) {
            outliers("size-outlier", "size", blobs, b -> Math.log10(b.size() + 1.0), 0, out);
            Instant now = Instant.now();
            outliers("age-outlier", "lastModified", blobs.stream().filter(b -> b.lastModified() != null).toList(),
                    b -> Duration.between(b.lastModified(), now).toMillis() / 1000.0, 1, out);
        }
        List<TimeAnomalies.Point> points = blobs.stream().filter(b -> b.lastModified() != null)
                .map(b -> new TimeAnomalies.Point(b.lastModified(), b.name())).toList();
        out.addAll(TimeAnomalies.find("lastModified", points, minGap));
        return new AnomalyReport(container, blobs.size(), truncated, out);
    }

    private static void outliers(String kind, String attribute, List<BlobProperties> blobs,
                                 java.util.function.ToDoubleFunction<BlobProperties> measure, double resolution,
                                 List<Anomaly> out) {
        if (blobs.size() < TableAnomalies.MIN_VALUES) {
            return;
        }
        double[] v = blobs.stream().mapToDouble(measure).toArray();
        RobustStats s = RobustStats.of(v, resolution);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (s.outlier(v[i])) {
                names.add(blobs.get(i).name());
            }
        }
        if (!names.isEmpty() && names.size() <= Math.max(3, 0.01 * blobs.size())) {
            String unit = kind.equals("size-outlier") ? "log10(bytes)" : "seconds of age";
            out.add(new Anomaly(kind, attribute, names.size() + " blob(s) far from the others in " + unit
                    + ": median " + TableKeyAdvisor.round(s.median()) + ", MAD " + TableKeyAdvisor.round(s.mad()),
                    names, names.size(), TableKeyAdvisor.evidence("median", TableKeyAdvisor.round(s.median()),
                    "mad", TableKeyAdvisor.round(s.mad()), "q1", TableKeyAdvisor.round(s.q1()), "q3",
                    TableKeyAdvisor.round(s.q3()), "unit", unit)));
        }
    }
}
