package io.unistore.testsupport.gcs;

import java.util.Map;

/**
 * Generation preconditions of the JSON API, read from query parameters ({@code ifGenerationMatch},
 * {@code ifMetagenerationMatch}, their {@code NotMatch} forms, or the {@code ifSource...} forms of a rewrite)
 * and checked against the live object, or null when there is none.
 */
record Preconditions(Long generationMatch, Long generationNotMatch, Long metagenerationMatch,
                     Long metagenerationNotMatch) {

    static Preconditions of(Map<String, String> query) {
        return read(query, "if");
    }

    static Preconditions ofSource(Map<String, String> query) {
        return read(query, "ifSource");
    }

    private static Preconditions read(Map<String, String> query, String prefix) {
        return new Preconditions(GcsRequest.longParam(query, prefix + "GenerationMatch"), GcsRequest.longParam(query, prefix + "GenerationNotMatch"),
                GcsRequest.longParam(query, prefix + "MetagenerationMatch"), GcsRequest.longParam(query, prefix + "MetagenerationNotMatch"));
    }

    boolean isEmpty() {
        return generationMatch == null && generationNotMatch == null && metagenerationMatch == null
                && metagenerationNotMatch == null;
    }

    /**
     * Throws 412 conditionNotMet (or 304 for a read whose NotMatch condition fails, as GCS does) unless every
     * condition holds for {@code current}.
     */
    void check(StoredObject current, boolean read) {
        long gen = current == null ? 0 : current.generation();
        if (generationMatch != null && generationMatch != gen) {
            throw GcsError.conditionNotMet("At least one of the pre-conditions you specified did not hold. "
                    + "(ifGenerationMatch=" + generationMatch + ", generation=" + gen + ")");
        }
        if (metagenerationMatch != null && (current == null || metagenerationMatch != current.metageneration())) {
            throw GcsError.conditionNotMet("At least one of the pre-conditions you specified did not hold. "
                    + "(ifMetagenerationMatch=" + metagenerationMatch + ")");
        }
        boolean notMatchFails = generationNotMatch != null && generationNotMatch == gen
                || metagenerationNotMatch != null && current != null && metagenerationNotMatch == current.metageneration();
        if (notMatchFails) {
            if (read) {
                throw new GcsError(304, "notModified", "Not Modified");
            }
            throw GcsError.conditionNotMet("At least one of the pre-conditions you specified did not hold.");
        }
    }
}
