package io.unistore.testsupport.gcs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The stand-in's state: buckets, and per object name its generations (oldest first, the live one last).
 * Content is kept in files of the data directory, never in memory, so gigabyte objects fit. One monitor
 * guards the metadata; content is streamed to temporary files outside it and moved in on commit, so a
 * failed or unfinished upload never shows.
 */
final class GcsBackend {
    private final Path objectsDir;
    private final Path tmpDir;
    private final NavigableMap<String, StoredBucket> buckets = new TreeMap<>();
    private final Map<String, NavigableMap<String, List<StoredObject>>> objects = new TreeMap<>();
    private long lastGeneration;

    GcsBackend(Path dataDir) {
        try {
            this.objectsDir = Files.createDirectories(dataDir.resolve("objects"));
            this.tmpDir = Files.createDirectories(dataDir.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty file for content on its way in. */
    Path newTempFile() {
        try {
            return Files.createTempFile(tmpDir, "in-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- buckets ------------------------------------------------------------------------------------

    synchronized StoredBucket createBucket(StoredBucket bucket) {
        if (buckets.containsKey(bucket.name())) {
            throw new GcsError(409, "conflict", "Your previous request to create the named bucket succeeded "
                    + "and you already own it.");
        }
        buckets.put(bucket.name(), bucket);
        objects.put(bucket.name(), new TreeMap<>());
        return bucket;
    }

    synchronized StoredBucket bucket(String name) {
        StoredBucket b = buckets.get(name);
        if (b == null) {
            throw GcsError.noSuchBucket(name);
        }
        return b;
    }

    synchronized List<StoredBucket> buckets(String prefix) {
        return buckets.values().stream().filter(b -> prefix == null || b.name().startsWith(prefix)).toList();
    }

    synchronized StoredBucket replaceBucket(StoredBucket updated, Long metagenerationMatch) {
        StoredBucket current = bucket(updated.name());
        if (metagenerationMatch != null && metagenerationMatch != current.metageneration()) {
            throw GcsError.conditionNotMet("At least one of the pre-conditions you specified did not hold.");
        }
        buckets.put(updated.name(), updated);
        return updated;
    }

    synchronized void deleteBucket(String name) {
        bucket(name);
        if (!objects.get(name).isEmpty()) {
            throw new GcsError(409, "conflict", "The bucket you tried to delete is not empty.");
        }
        buckets.remove(name);
        objects.remove(name);
    }

    // ---- objects ------------------------------------------------------------------------------------

    /** The live object, or null. Fails 404 if the bucket does not exist. */
    synchronized StoredObject live(String bucket, String name) {
        List<StoredObject> gens = names(bucket).get(name);
        if (gens == null || gens.isEmpty()) {
            return null;
        }
        StoredObject last = gens.get(gens.size() - 1);
        return last.live() ? last : null;
    }

    /** The live object, or (with a generation) that generation, live or not; 404 when absent. */
    synchronized StoredObject get(String bucket, String name, Long generation) {
        StoredObject o = generation == null ? live(bucket, name) : find(bucket, name, generation);
        if (o == null) {
            throw GcsError.noSuchObject(bucket, name);
        }
        return o;
    }

    private StoredObject find(String bucket, String name, long generation) {
        for (StoredObject o : names(bucket).getOrDefault(name, List.of())) {
            if (o.generation() == generation) {
                return o;
            }
        }
        return null;
    }

    private NavigableMap<String, List<StoredObject>> names(String bucket) {
        NavigableMap<String, List<StoredObject>> m = objects.get(bucket);
        if (m == null) {
            throw GcsError.noSuchBucket(bucket);
        }
        return m;
    }

    /**
     * Makes {@code content} (a temporary file, moved in) the new live generation of the object, if the
     * preconditions hold against the current live one. The previous live generation becomes noncurrent when
     * the bucket keeps versions, else it is gone.
     */
    synchronized StoredObject commit(String bucket, String name, Path content, long size, String md5,
                                     String crc32c, ObjectAttrs attrs, String storageClass,
                                     Preconditions conditions) {
        StoredBucket b = bucket(bucket);
        StoredObject current = live(bucket, name);
        conditions.check(current, false);
        Path file = objectsDir.resolve(UUID.randomUUID().toString());
        try {
            Files.move(content, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = now();
        long generation = Math.max(lastGeneration + 1, now.toEpochMilli() * 1000);
        lastGeneration = generation;
        String cls = storageClass != null ? storageClass : b.storageClass();
        StoredObject created = new StoredObject(bucket, name, generation, 1, size, file, md5, crc32c, attrs, cls,
                now, now, now, null);
        List<StoredObject> gens = names(bucket).computeIfAbsent(name, k -> new ArrayList<>());
        if (current != null) {
            gens.remove(gens.size() - 1);
            if (b.versioning()) {
                gens.add(current.noncurrent(now));
            } else {
                deleteQuietly(current.content());
            }
        }
        gens.add(created);
        return created;
    }

    /** Replaces the attributes of one generation (the live one by default), bumping its metageneration. */
    synchronized StoredObject update(String bucket, String name, Long generation, Preconditions conditions,
                                     java.util.function.UnaryOperator<ObjectAttrs> change) {
        StoredObject target = get(bucket, name, generation);
        conditions.check(target, false);
        StoredObject updated = target.withAttrs(change.apply(target.attrs()), now());
        List<StoredObject> gens = names(bucket).get(name);
        gens.set(gens.indexOf(target), updated);
        return updated;
    }

    /**
     * Deletes the live object (kept as noncurrent when the bucket keeps versions) or, with a generation,
     * that generation for good.
     */
    synchronized void delete(String bucket, String name, Long generation, Preconditions conditions) {
        StoredBucket b = bucket(bucket);
        StoredObject target = get(bucket, name, generation);
        conditions.check(target, false);
        List<StoredObject> gens = names(bucket).get(name);
        int index = gens.indexOf(target);
        if (generation == null && b.versioning()) {
            gens.set(index, target.noncurrent(now()));
        } else {
            gens.remove(index);
            deleteQuietly(target.content());
        }
        if (gens.isEmpty()) {
            names(bucket).remove(name);
        }
    }

    /** A listing page: objects and prefixes in name order (then generation), resuming after a token. */
    synchronized ListPage list(String bucket, ListRequest request) {
        NavigableMap<String, List<StoredObject>> all = names(bucket);
        String after = request.pageToken() == null ? null : decodeToken(request.pageToken());
        String from = request.prefix() == null ? "" : request.prefix();
        if (request.startOffset() != null && request.startOffset().compareTo(from) > 0) {
            from = request.startOffset();
        }
        List<StoredObject> items = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastKey = null;
        int count = 0;
        for (Map.Entry<String, List<StoredObject>> e : all.tailMap(from, true).entrySet()) {
            String name = e.getKey();
            if (request.prefix() != null && !name.startsWith(request.prefix())) {
                break;
            }
            if (request.endOffset() != null && name.compareTo(request.endOffset()) >= 0) {
                break;
            }
            String prefix = request.groupOf(name);
            if (prefix != null) {
                if (after != null && prefix.compareTo(after) <= 0 || prefix.equals(lastKey)) {
                    continue;
                }
                if (count == request.maxResults()) {
                    return new ListPage(items, prefixes, encodeToken(lastKey));
                }
                prefixes.add(prefix);
                lastKey = prefix;
                count++;
                if (request.includeTrailingDelimiter() && name.equals(prefix)) {
                    addVersions(e.getValue(), request, items);
                }
                continue;
            }
            for (StoredObject o : e.getValue()) {
                if (!request.versions() && !o.live()) {
                    continue;
                }
                String key = itemKey(o);
                if (after != null && key.compareTo(after) <= 0) {
                    continue;
                }
                if (count == request.maxResults()) {
                    return new ListPage(items, prefixes, encodeToken(lastKey));
                }
                items.add(o);
                lastKey = key;
                count++;
            }
        }
        return new ListPage(items, prefixes, null);
    }

    private static void addVersions(List<StoredObject> gens, ListRequest request, List<StoredObject> items) {
        for (StoredObject o : gens) {
            if (request.versions() || o.live()) {
                items.add(o);
            }
        }
    }

    private static String itemKey(StoredObject o) {
        return o.name() + "\u0000" + String.format("%020d", o.generation());
    }

    private static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GcsError.invalid("Invalid pageToken: " + token);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file in the temporary data directory harms no one
        }
    }

    /** What a listing asks for. */
    record ListRequest(String prefix, String delimiter, boolean versions, String pageToken, int maxResults,
                       boolean includeTrailingDelimiter, String startOffset, String endOffset) {

        /** The prefix that groups this name under the delimiter, or null when it is listed as an object. */
        String groupOf(String name) {
            if (delimiter == null || delimiter.isEmpty()) {
                return null;
            }
            int start = prefix == null ? 0 : prefix.length();
            int at = name.indexOf(delimiter, start);
            return at < 0 ? null : name.substring(0, at + delimiter.length());
        }
    }

    /** One page of a listing. */
    record ListPage(List<StoredObject> items, List<String> prefixes, String nextPageToken) {
    }
}
