package io.unistore.local;

import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * One stored state of a blob: the current blob, an old version or a snapshot ({@link Schema#BLOB_COLUMNS}),
 * plus, for the current blob, its lease.
 */
record BlobRow(String content, long size, String contentType, String contentEncoding, String cacheControl,
               String contentDisposition, String md5, String etag, long created, long modified,
               Map<String, String> metadata, AccessTier tier, String versionId, Lease lease) {

    /** A lease as stored; {@code expires} and {@code durationSeconds} are -1 for an infinite lease. */
    record Lease(String id, String state, long expires, long durationSeconds) {
        static final String LEASED = "leased";
        static final String BROKEN = "broken";

        /** The state callers see: available, leased, expired or broken. */
        String effectiveState(long now) {
            if (state.equals(LEASED)) {
                return expires < 0 || expires > now ? LEASED : "expired";
            }
            return state;
        }

        boolean isActive(long now) {
            return effectiveState(now).equals(LEASED);
        }
    }

    /** Reads {@link Schema#BLOB_COLUMNS} starting at column {@code i}; the lease columns follow if asked. */
    static BlobRow read(ResultSet rs, int i, boolean withLease) throws SQLException {
        Lease lease = null;
        if (withLease && rs.getString(i + 13) != null) {
            lease = new Lease(rs.getString(i + 13), rs.getString(i + 14), rs.getLong(i + 15), rs.getLong(i + 16));
        }
        return new BlobRow(rs.getString(i), rs.getLong(i + 1), rs.getString(i + 2), rs.getString(i + 3),
                rs.getString(i + 4), rs.getString(i + 5), rs.getString(i + 6), rs.getString(i + 7),
                rs.getLong(i + 8), rs.getLong(i + 9), MetadataCodec.decode(rs.getString(i + 10)),
                AccessTier.valueOf(rs.getString(i + 11)), rs.getString(i + 12), lease);
    }

    /** Binds {@link Schema#BLOB_COLUMNS} starting at parameter {@code i}; returns the next parameter index. */
    int bind(PreparedStatement ps, int i) throws SQLException {
        ps.setString(i, content);
        ps.setLong(i + 1, size);
        ps.setString(i + 2, contentType);
        ps.setString(i + 3, contentEncoding);
        ps.setString(i + 4, cacheControl);
        ps.setString(i + 5, contentDisposition);
        ps.setString(i + 6, md5);
        ps.setString(i + 7, etag);
        ps.setLong(i + 8, created);
        ps.setLong(i + 9, modified);
        ps.setString(i + 10, MetadataCodec.encode(metadata));
        ps.setString(i + 11, tier.name());
        ps.setString(i + 12, versionId);
        return i + 13;
    }

    BlobRow withLease(Lease value) {
        return new BlobRow(content, size, contentType, contentEncoding, cacheControl, contentDisposition, md5, etag,
                created, modified, metadata, tier, versionId, value);
    }

    /**
     * The properties callers see.
     *
     * @param current whether this is the current version
     * @param snapshot the snapshot id, or null
     * @param withMetadata whether to include user metadata
     */
    BlobProperties properties(String container, String name, boolean current, String snapshot, boolean withMetadata,
                              long now) {
        return BlobProperties.builder().container(container).name(name).size(size).contentType(contentType)
                .contentEncoding(contentEncoding).cacheControl(cacheControl).contentDisposition(contentDisposition)
                .contentMd5(md5).etag(etag).lastModified(Times.instant(modified)).createdAt(Times.instant(created))
                .metadata(withMetadata ? metadata : Map.of()).tier(tier).tierName(tier.name())
                .versionId(versionId).currentVersion(current).snapshot(snapshot)
                .leaseState(snapshot != null || !current ? null : lease == null ? "available"
                        : lease.effectiveState(now))
                .build();
    }
}
