package io.unistore.gcp;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Maps the neutral {@link RequestConditions} onto GCS generation preconditions, so that every conditional
 * write is checked by GCS atomically with the write.
 *
 * <ul>
 *   <li>{@code ifMatch(etag)} = {@code ifGenerationMatch} + {@code ifMetagenerationMatch} of the ETag;</li>
 *   <li>{@code ifNoneMatch("*")} = {@code ifGenerationMatch(0)} (create only);</li>
 *   <li>anything else ({@code ifMatch("*")}, {@code ifNoneMatch(etag)}, the time conditions) has no GCS
 *       precondition of its own: the object's metadata is read, the conditions are checked on it, and the
 *       write is pinned to the generation and metageneration that were read (or to generation 0 when it was
 *       absent), so a change in between still fails with PRECONDITION_FAILED.</li>
 * </ul>
 */
final class GcsConditions {
    private GcsConditions() {
    }

    /** Generation preconditions for one call; null fields are not sent. */
    record Pin(Long generationMatch, Long metagenerationMatch) {
        static final Pin NONE = new Pin(null, null);

        static Pin of(BlobInfo current) {
            return current == null ? new Pin(0L, null) : new Pin(current.getGeneration(), current.getMetageneration());
        }

        boolean isEmpty() {
            return generationMatch == null && metagenerationMatch == null;
        }

        Storage.BlobTargetOption[] targetOptions() {
            List<Storage.BlobTargetOption> o = new ArrayList<>();
            if (generationMatch != null) {
                o.add(Storage.BlobTargetOption.generationMatch(generationMatch));
            }
            if (metagenerationMatch != null) {
                o.add(Storage.BlobTargetOption.metagenerationMatch(metagenerationMatch));
            }
            return o.toArray(Storage.BlobTargetOption[]::new);
        }

        List<Storage.BlobWriteOption> writeOptions() {
            List<Storage.BlobWriteOption> o = new ArrayList<>();
            if (generationMatch != null) {
                o.add(Storage.BlobWriteOption.generationMatch(generationMatch));
            }
            if (metagenerationMatch != null) {
                o.add(Storage.BlobWriteOption.metagenerationMatch(metagenerationMatch));
            }
            return o;
        }

        Storage.BlobSourceOption[] sourceOptions() {
            List<Storage.BlobSourceOption> o = new ArrayList<>();
            if (generationMatch != null) {
                o.add(Storage.BlobSourceOption.generationMatch(generationMatch));
            }
            if (metagenerationMatch != null) {
                o.add(Storage.BlobSourceOption.metagenerationMatch(metagenerationMatch));
            }
            return o.toArray(Storage.BlobSourceOption[]::new);
        }
    }

    /**
     * The pin for a write under {@code conditions}; {@code current} reads the object's metadata (null when
     * absent) and is called only when the conditions need it.
     *
     * @throws StorageException PRECONDITION_FAILED when a condition already fails (the API refuses a lease id first)
     */
    static Pin forWrite(RequestConditions conditions, Supplier<BlobInfo> current, String what) {
        if (conditions.isEmpty()) {
            return Pin.NONE;
        }
        boolean onlyIfMatch = conditions.ifMatch() != null && !conditions.ifMatch().equals("*")
                && conditions.ifNoneMatch() == null && conditions.ifModifiedSince() == null
                && conditions.ifUnmodifiedSince() == null;
        if (onlyIfMatch) {
            GcsEtags.Etag etag = GcsEtags.parse(conditions.ifMatch());
            if (etag == null) {
                throw failed(what, "ifMatch " + conditions.ifMatch() + " is not an ETag of this object");
            }
            return new Pin(etag.generation(), etag.metageneration());
        }
        boolean onlyCreate = "*".equals(conditions.ifNoneMatch()) && conditions.ifMatch() == null
                && conditions.ifModifiedSince() == null && conditions.ifUnmodifiedSince() == null;
        if (onlyCreate) {
            return new Pin(0L, null);
        }
        BlobInfo observed = current.get();
        check(conditions, observed, what);
        return Pin.of(observed);
    }

    /**
     * Checks the conditions against metadata already read (reads, and writes that need a look first).
     *
     * @throws StorageException PRECONDITION_FAILED naming the failed condition
     */
    static void check(RequestConditions conditions, BlobInfo current, String what) {
        String etag = current == null ? null : GcsEtags.format(current.getGeneration(), current.getMetageneration());
        String ifMatch = conditions.ifMatch();
        if (ifMatch != null && (current == null || !ifMatch.equals("*") && !sameEtag(ifMatch, current))) {
            throw failed(what, "ifMatch " + ifMatch + " does not hold (ETag is " + (etag == null ? "none: the object "
                    + "does not exist" : etag) + ")");
        }
        String ifNoneMatch = conditions.ifNoneMatch();
        if (ifNoneMatch != null && current != null && (ifNoneMatch.equals("*") || sameEtag(ifNoneMatch, current))) {
            throw failed(what, "ifNoneMatch " + ifNoneMatch + " does not hold (ETag is " + etag + ")");
        }
        Instant updated = current == null || current.getUpdateTimeOffsetDateTime() == null ? null
                : current.getUpdateTimeOffsetDateTime().toInstant();
        if (updated != null && conditions.ifModifiedSince() != null && !updated.isAfter(conditions.ifModifiedSince())) {
            throw failed(what, "ifModifiedSince " + conditions.ifModifiedSince() + " does not hold (last modified "
                    + updated + ")");
        }
        if (updated != null && conditions.ifUnmodifiedSince() != null
                && updated.isAfter(conditions.ifUnmodifiedSince())) {
            throw failed(what, "ifUnmodifiedSince " + conditions.ifUnmodifiedSince() + " does not hold (last "
                    + "modified " + updated + ")");
        }
    }

    private static boolean sameEtag(String given, BlobInfo current) {
        GcsEtags.Etag e = GcsEtags.parse(given);
        return e != null && current.getGeneration() != null && e.generation() == current.getGeneration()
                && e.metageneration() == (current.getMetageneration() == null ? 1 : current.getMetageneration());
    }


    static StorageException failed(String what, String why) {
        return new StorageException(ErrorCode.PRECONDITION_FAILED, what + ": " + why);
    }
}
