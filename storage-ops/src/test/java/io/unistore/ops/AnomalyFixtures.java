package io.unistore.ops;

import io.unistore.table.TableEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated tables with planted anomalies, and how to score a detector on them: a finding is right when its kind
 * and property are those of a planted anomaly and it names one of its entities; precision is the share of
 * findings that are right, recall the share of planted anomalies some finding names.
 */
final class AnomalyFixtures {
    /** One planted anomaly. */
    record Planted(String kind, String property, Set<String> items) {
    }

    /** A generated table and what was planted in it. */
    record Fixture(List<TableEntity> entities, List<Planted> planted) {
    }

    /** Precision and recall of a report against the planted anomalies. */
    record Score(double precision, double recall, int findings, int right, int planted, int found) {
        @Override
        public String toString() {
            return String.format("precision %.2f (%d of %d findings right), recall %.2f (%d of %d planted found)",
                    precision, right, findings, recall, found, planted);
        }
    }

    private AnomalyFixtures() {
    }

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    /**
     * {@code n} orders: Price ~ N(100, 10), Qty 1..10, Status and Region of a few values, an Email each, an
     * EventTime every 60 s (+- 10 s). With {@code plant}: extreme prices and a quantity, a misspelt status, a
     * quantity stored as text, entities without Email, an 8-hour gap and a burst of 150 orders in 5 minutes.
     */
    static Fixture orders(long seed, int n, boolean plant) {
        Random r = new Random(seed);
        List<TableEntity> out = new ArrayList<>();
        List<Planted> planted = new ArrayList<>();
        String[] status = {"new", "paid", "shipped", "done"};
        String[] region = {"eu", "us", "apac", "latam", "africa"};
        Set<String> priceOut = new HashSet<>();
        Set<String> qtyOut = new HashSet<>();
        Set<String> rare = new HashSet<>();
        Set<String> textQty = new HashSet<>();
        Set<String> noEmail = new HashSet<>();
        Set<String> gap = new HashSet<>();
        Set<String> burst = new HashSet<>();
        long t = 0;
        for (int i = 0; i < n; i++) {
            String pk = region[i % region.length];
            String rk = String.format("o%06d", i);
            String key = pk + "/" + rk;
            t += 50 + r.nextInt(21);
            if (plant && i == n * 6 / 10) {
                t += 8 * 3600;
                gap.add(key);
            }
            if (plant && i == n * 6 / 10 - 1) {
                gap.add(key);
            }
            TableEntity.Builder b = TableEntity.builder(pk, rk).put("Price", 100 + 10 * r.nextGaussian())
                    .put("Qty", 1 + r.nextInt(10)).put("Status", status[r.nextInt(status.length)])
                    .put("Region", region[r.nextInt(region.length)]).put("Email", "c" + i + "@example.com")
                    .put("EventTime", START.plusSeconds(t));
            if (plant) {
                if (i == 11 || i == 222 || i == 333) {
                    b.put("Price", i == 11 ? 1e6 : i == 222 ? -500.0 : 10_000.0);
                    priceOut.add(key);
                }
                if (i == 444) {
                    b.put("Qty", 5000);
                    qtyOut.add(key);
                }
                if (i == 55 || i == 555) {
                    b.put("Status", "shpped");
                    rare.add(key);
                }
                if (i == 66 || i == 666) {
                    b.put("Qty", "seven");
                    textQty.add(key);
                }
                if (i == 77 || i == 177 || i == 777) {
                    b.remove("Email");
                    noEmail.add(key);
                }
            }
            out.add(b.build());
        }
        if (plant) {
            Instant at = START.plusSeconds(n * 60L / 3);
            for (int i = 0; i < 150; i++) {
                String rk = String.format("b%06d", i);
                out.add(TableEntity.builder("burst", rk).put("Price", 100 + 10 * r.nextGaussian())
                        .put("Qty", 1 + r.nextInt(10)).put("Status", status[r.nextInt(status.length)])
                        .put("Region", region[r.nextInt(region.length)]).put("Email", "b" + i + "@example.com")
                        .put("EventTime", at.plusSeconds(r.nextInt(300))).build());
                burst.add("burst/" + rk);
            }
            planted.add(new Planted("numeric-outlier", "Price", priceOut));
            planted.add(new Planted("numeric-outlier", "Qty", qtyOut));
            planted.add(new Planted("rare-value", "Status", rare));
            planted.add(new Planted("type-inconsistency", "Qty", textQty));
            planted.add(new Planted("missing-property", "Email", noEmail));
            planted.add(new Planted("time-gap", "EventTime", gap));
            planted.add(new Planted("rate-change", "EventTime", burst));
        }
        return new Fixture(out, planted);
    }

    static Score score(List<Anomaly> findings, List<Planted> planted) {
        int right = 0;
        Set<Planted> found = new HashSet<>();
        for (Anomaly a : findings) {
            boolean ok = false;
            for (Planted p : planted) {
                if (p.kind().equals(a.kind()) && p.property().equals(a.property())
                        && a.items().stream().anyMatch(p.items()::contains)) {
                    ok = true;
                    found.add(p);
                }
            }
            if (ok) {
                right++;
            }
        }
        double precision = findings.isEmpty() ? 1 : right / (double) findings.size();
        double recall = planted.isEmpty() ? 1 : found.size() / (double) planted.size();
        return new Score(precision, recall, findings.size(), right, planted.size(), found.size());
    }
}
