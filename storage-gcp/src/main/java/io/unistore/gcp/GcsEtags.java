package io.unistore.gcp;

/**
 * The neutral ETag of a GCS object: {@code GENERATION.METAGENERATION}. The generation changes with the
 * content, the metageneration with the metadata, so the ETag changes on every write, as on Azure and S3,
 * and an {@code ifMatch} maps exactly onto {@code ifGenerationMatch} + {@code ifMetagenerationMatch}, which
 * GCS checks atomically with the write.
 */
final class GcsEtags {
    private GcsEtags() {
    }

    /** A parsed ETag. */
    record Etag(long generation, long metageneration) {
    }

    static String format(Long generation, Long metageneration) {
        if (generation == null) {
            return null;
        }
        return generation + "." + (metageneration == null ? 1 : metageneration);
    }

    /** The ETag, or null when the text is not one of ours (and so matches no object). */
    static Etag parse(String etag) {
        if (etag == null) {
            return null;
        }
        String s = etag.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        int dot = s.indexOf('.');
        if (dot <= 0 || dot == s.length() - 1) {
            return null;
        }
        try {
            return new Etag(Long.parseLong(s.substring(0, dot)), Long.parseLong(s.substring(dot + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
