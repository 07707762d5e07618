package io.unistore.ops;

import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Finds PartitionKeys that cut a table into ranges by probing, without reading it: the midpoint (as a number
 * in base {@link #BASE} over code points U+0020..U+D7FF, where every provider orders keys alike) of a range's
 * bounds is looked up with a one-entity query {@code PartitionKey ge mid}, and the key found splits the range,
 * breadth first, so the ranges halve the key space; a probe finding nothing halves the range instead. Above the
 * highest key found the probe is the next first character (so each group of keys sharing a first character is
 * found in one probe). A range with keys past U+D7FF stays whole.
 */
final class KeyRanges {
    private static final int LOW = 0x20;
    private static final int HIGH = 0xD7FF;
    private static final BigInteger BASE = BigInteger.valueOf(HIGH - LOW + 1L);

    private record Range(String low, String high) {
    }

    /** The probes the last {@link #split} made. */
    private int probes;

    int probes() {
        return probes;
    }

    /**
     * Up to {@code parts - 1} sorted PartitionKeys that cut the table into ranges; empty for an empty table.
     *
     * @param budget the most probe queries to make
     */
    List<String> split(TableStore store, String table, int parts, int budget) {
        probes = 0;
        String first = probe(store, table, null, null);
        List<String> cuts = new ArrayList<>();
        if (first == null) {
            return cuts;
        }
        Deque<Range> work = new ArrayDeque<>();
        work.add(new Range(first, null));
        while (cuts.size() + 1 < parts && !work.isEmpty() && probes < budget) {
            Range r = work.poll();
            // Above the highest key found so far the next first character is probed (a skip scan), else the
            // midpoint.
            String mid = r.high == null ? next(r.low) : mid(r.low, r.high);
            if (mid == null) {
                continue;
            }
            String k = probe(store, table, mid, r.high);
            if (k == null) {
                work.add(new Range(r.low, mid));
            } else if (k.compareTo(r.low) > 0) {
                cuts.add(k);
                work.add(new Range(r.low, k));
                work.add(new Range(k, r.high));
            }
        }
        Collections.sort(cuts);
        return cuts;
    }

    /** The first PartitionKey at or after {@code from} and before {@code before} (either null: unbounded). */
    private String probe(TableStore store, String table, String from, String before) {
        probes++;
        Filter f = null;
        if (from != null) {
            f = Filter.ge(TableEntity.PARTITION_KEY, from);
        }
        if (before != null) {
            Filter lt = Filter.lt(TableEntity.PARTITION_KEY, before);
            f = f == null ? lt : f.and(lt);
        }
        TableQuery q = TableQuery.all().withFilter(f).withTop(1).withPageSize(1).withSelect(List.of());
        for (TableEntity e : store.query(table, q)) {
            return e.partitionKey();
        }
        return null;
    }

    /** The one-character string after the first character of {@code key}, or null at the top of the domain. */
    static String next(String key) {
        char c = key.charAt(0);
        return c >= HIGH ? null : String.valueOf((char) Math.max(LOW, c + 1));
    }

    /** A string strictly between {@code low} and {@code high} (null: above every key), or null if none fits. */
    static String mid(String low, String high) {
        int length = Math.max(low.length(), high == null ? 1 : high.length()) + 1;
        BigInteger a = number(low, length);
        BigInteger b = high == null ? BASE.pow(length).subtract(BigInteger.ONE) : number(high, length);
        BigInteger m = a.add(b).shiftRight(1);
        if (m.compareTo(a) <= 0 || m.compareTo(b) >= 0) {
            return null;
        }
        char[] out = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            BigInteger[] qr = m.divideAndRemainder(BASE);
            out[i] = (char) (qr[1].intValue() + LOW);
            m = qr[0];
        }
        return new String(out);
    }

    private static BigInteger number(String s, int length) {
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < length; i++) {
            int c = i < s.length() ? Math.max(LOW, Math.min(HIGH, s.charAt(i))) : LOW;
            n = n.multiply(BASE).add(BigInteger.valueOf(c - LOW));
        }
        return n;
    }
}
