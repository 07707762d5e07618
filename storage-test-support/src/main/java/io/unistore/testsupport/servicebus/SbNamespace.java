package io.unistore.testsupport.servicebus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The queues of the namespace, by name; Service Bus compares entity names ignoring case. Thread-safe. */
final class SbNamespace {
    private final TreeMap<String, SbQueue> queues = new TreeMap<>();

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Creates a queue; null if one of that name exists. */
    synchronized SbQueue create(String name, Instant now) {
        if (queues.containsKey(key(name))) {
            return null;
        }
        SbQueue q = new SbQueue(name, now);
        queues.put(key(name), q);
        return q;
    }

    synchronized SbQueue get(String name) {
        return queues.get(key(name));
    }

    synchronized boolean delete(String name) {
        return queues.remove(key(name)) != null;
    }

    /** Every queue in name order. */
    synchronized List<SbQueue> list() {
        return new ArrayList<>(queues.values());
    }
}
