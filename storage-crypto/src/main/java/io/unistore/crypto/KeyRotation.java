package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Key rotation over the blobs of a container: after {@link LocalKeyset#rotate()} (or a new key version elsewhere),
 * {@link #rewrap} wraps every blob's content key under the source's primary key without touching content, one
 * metadata write per blob; {@link #reencrypt} writes every blob anew under a fresh content key, for when a content
 * key itself may be exposed.
 *
 * <p>Both go through the container page by page and report after each blob; each report carries the token to
 * resume from (just after that blob), so a stopped rotation continues where it was
 * ({@link Options#continuationToken()}, {@link Options#limit()} for runs of a bounded size), and running it again
 * is harmless: blobs already under the primary key are left alone. A blob that cannot be rotated (its key is not
 * in the source, say) is counted and named in the report, and the rotation goes on.
 *
 * <p>{@link #rewrap} works on the account <em>without</em> the encryption layer (it reads and writes the
 * {@code encryptiondata} metadata the layer hides); {@link #reencrypt} on the account <em>with</em> it.
 */
public final class KeyRotation {
    private static final int ATTEMPTS = 3;

    private KeyRotation() {
    }

    /**
     * Which blobs, where to resume, how many, and who is told.
     *
     * @param prefix only blobs whose names start with this, or null
     * @param pageSize blobs per listing page, or 0 for the default
     * @param continuationToken a report's token to resume from, or null to start at the beginning
     * @param limit blobs to examine in this run at most (the report's token resumes after them), or 0 for all
     * @param progress told after each blob, or null; what it throws stops the rotation (the last report it was
     *        given resumes it)
     */
    public record Options(String prefix, int pageSize, String continuationToken, int limit,
                          Consumer<RotationReport> progress) {
        public Options {
            if (pageSize < 0) {
                throw StorageException.invalidArgument("pageSize", "must be 0 (default) or positive, was " + pageSize);
            }
            if (limit < 0) {
                throw StorageException.invalidArgument("limit", "must be 0 (no limit) or positive, was " + limit);
            }
        }

        /** Without a limit. */
        public Options(String prefix, int pageSize, String continuationToken, Consumer<RotationReport> progress) {
            this(prefix, pageSize, continuationToken, 0, progress);
        }

        /** Every blob of the container, from the start, telling no one. */
        public static Options defaults() {
            return new Options(null, 0, null, 0, null);
        }
    }

    /**
     * Re-wraps the content key of every encrypted blob under {@code keys.primary()}.
     *
     * @param raw the account without the encryption layer
     * @throws StorageException PERMISSION_DENIED naming the key id when a blob's key is not in {@code keys}
     */
    public static RotationReport rewrap(StorageAccount raw, KeySource keys, String container, Options options) {
        KeyEncryptionKey primary = keys.primary();
        BlobStore blobs = raw.blobs();
        return walk(blobs, container, options, (item, counts) -> {
            String json = StoredBlobs.encryptionData(item.properties().metadata());
            if (json == null) {
                counts.unencrypted++;
                return;
            }
            for (int attempt = 1; ; attempt++) {
                BlobProperties p = attempt == 1 ? item.properties() : blobs.getProperties(container, item.name());
                String current = StoredBlobs.encryptionData(p.metadata());
                String where = "blob " + container + "/" + item.name();
                EncryptionData data = current == null ? null : EncryptionData.parse(current, where);
                if (data == null || data.keyId().equals(primary.keyId())) {
                    counts.current++;
                    return;
                }
                EncryptionData fresh = ContentKeys.rewrap(data, keys, primary, where);
                try {
                    blobs.setMetadata(container, item.name(), StoredBlobs.withEncryptionData(
                            StoredBlobs.userMetadata(p.metadata()), fresh.toJson()), RequestConditions.ifMatch(p.etag()));
                    counts.rewrapped++;
                    return;
                } catch (StorageException e) {
                    // Written in between: read it again (it may already be under the primary key).
                    if (e.code() != ErrorCode.PRECONDITION_FAILED || attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        });
    }

    /**
     * Writes every blob anew through the encryption layer: a fresh content key wrapped by the primary key. Each
     * blob goes through a temporary file and is written back only if it did not change meanwhile.
     *
     * @param encrypted the account with the encryption layer
     */
    public static RotationReport reencrypt(StorageAccount encrypted, String container, Options options) {
        BlobStore blobs = encrypted.blobs();
        return walk(blobs, container, options, (item, counts) -> {
            BlobProperties p = item.properties();
            Path tmp = null;
            try {
                tmp = Files.createTempFile("unistore-reencrypt", ".bin");
                blobs.downloadToFile(container, item.name(), tmp, ReadOptions.defaults()
                        .withConditions(RequestConditions.ifMatch(p.etag())));
                try (InputStream in = Files.newInputStream(tmp)) {
                    blobs.upload(container, item.name(), in, UploadOptions.builder().contentType(p.contentType())
                            .contentEncoding(p.contentEncoding()).cacheControl(p.cacheControl())
                            .contentDisposition(p.contentDisposition()).metadata(p.metadata())
                            .conditions(RequestConditions.ifMatch(p.etag())).length(Files.size(tmp)).build());
                }
                counts.rewrapped++;
            } catch (IOException e) {
                throw new StorageException(ErrorCode.UNAVAILABLE, "re-encrypting " + container + "/" + item.name()
                        + " needs a temporary file: " + e.getClass().getSimpleName());
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // A temporary file left behind is only disk space.
                    }
                }
            }
        });
    }

    private interface Step {
        void apply(BlobItem item, Counts counts);
    }

    private static final class Counts {
        long examined;
        long rewrapped;
        long current;
        long unencrypted;
        long failed;
        final List<RotationReport.Failure> failures = new ArrayList<>();

        void fail(String blob, StorageException e) {
            failed++;
            if (failures.size() < RotationReport.MAX_FAILURES) {
                failures.add(new RotationReport.Failure(blob, e.code(), e.getMessage()));
            }
        }

        RotationReport report(String token) {
            return new RotationReport(examined, rewrapped, current, unencrypted, failed, failures, token);
        }
    }

    private static RotationReport walk(BlobStore blobs, String container, Options options, Step step) {
        Counts counts = new Counts();
        RotationToken resume = RotationToken.parse(options.continuationToken());
        String token = resume.page();
        do {
            ListBlobsOptions list = ListBlobsOptions.defaults().withPrefix(options.prefix())
                    .withContinuationToken(token).withIncludeMetadata(true);
            if (options.pageSize() > 0) {
                list = list.withPageSize(options.pageSize());
            }
            Page<BlobItem> page = blobs.list(container, list).firstPage();
            RotationToken within = resume;
            List<BlobItem> items = page.items().stream().filter(i -> !i.prefix() && !within.done(i.name())).toList();
            for (int i = 0; i < items.size(); i++) {
                BlobItem item = items.get(i);
                try {
                    step.apply(item, counts);
                } catch (StorageException e) {
                    counts.fail(item.name(), e);
                }
                counts.examined++;
                boolean lastOfAll = i == items.size() - 1 && page.continuationToken() == null;
                String next = lastOfAll ? null : new RotationToken(token, item.name()).encode();
                if (options.progress() != null) {
                    options.progress().accept(counts.report(next));
                }
                if (options.limit() > 0 && counts.examined == options.limit()) {
                    return counts.report(next);
                }
            }
            resume = new RotationToken(null, null);
            token = page.continuationToken();
        } while (token != null);
        RotationReport done = counts.report(null);
        if (options.progress() != null) {
            options.progress().accept(done);
        }
        return done;
    }
}
