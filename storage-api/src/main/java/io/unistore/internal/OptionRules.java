package io.unistore.internal;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import java.util.Base64;

/**
 * The capability checks of option fields, shared by the stores: each field that needs a capability is
 * checked here, so no option can reach a provider that does not declare what it needs.
 */
final class OptionRules {
    private final Capabilities capabilities;

    OptionRules(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** A lease id needs BLOB_LEASES (S3 and GCS have no leases). */
    void conditions(RequestConditions conditions, String what) {
        if (conditions != null && conditions.leaseId() != null) {
            capabilities.require(Capability.BLOB_LEASES, what + " under a lease (leaseId)");
        }
    }

    /** A tier needs BLOB_TIERS, Archive also BLOB_ARCHIVE. */
    void tier(AccessTier tier, String what) {
        if (tier == null) {
            return;
        }
        capabilities.require(Capability.BLOB_TIERS, what + " with a tier");
        if (tier == AccessTier.ARCHIVE) {
            capabilities.require(Capability.BLOB_ARCHIVE, what + " into the Archive tier");
        }
    }

    /** Reading or deleting a version needs BLOB_VERSIONS, a snapshot BLOB_SNAPSHOTS. */
    void versionOrSnapshot(String versionId, String snapshot, String what) {
        if (versionId != null) {
            capabilities.require(Capability.BLOB_VERSIONS, what + " of a version");
            serviceToken("versionId", versionId);
        }
        if (snapshot != null) {
            capabilities.require(Capability.BLOB_SNAPSHOTS, what + " of a snapshot");
            serviceToken("snapshot", snapshot);
        }
    }

    /** A content MD5 is the base64 of 16 bytes. */
    static void md5(String argument, String base64) {
        if (base64 == null) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument(argument, "must be base64, was '" + shorten(base64) + "'");
        }
        if (bytes.length != 16) {
            throw StorageException.invalidArgument(argument, "must be the base64 of 16 bytes (an MD5), was "
                    + bytes.length + " bytes");
        }
    }

    static String nonBlank(String argument, String value) {
        if (value == null || value.isBlank()) {
            throw StorageException.invalidArgument(argument, "is required");
        }
        return value;
    }

    /** The longest id a service hands out that a caller passes back (message ids, pop receipts, versions). */
    static final int MAX_SERVICE_TOKEN = 1024;

    /**
     * An id the service gave (a message id, pop receipt, version id or snapshot) passed back: present, at most
     * {@value #MAX_SERVICE_TOKEN} characters and valid Unicode, so a pathological value never reaches a request
     * URL (a megabyte pop receipt made Azurite drop the connection).
     */
    static String serviceToken(String argument, String value) {
        nonBlank(argument, value);
        if (value.length() > MAX_SERVICE_TOKEN) {
            throw StorageException.invalidArgument(argument, "must be at most " + MAX_SERVICE_TOKEN
                    + " characters (it is an id the service gave), was " + value.length());
        }
        return io.unistore.spi.NameRules.wellFormed(argument, value);
    }

    static <T> T required(String argument, T value) {
        if (value == null) {
            throw StorageException.invalidArgument(argument, "is required");
        }
        return value;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
