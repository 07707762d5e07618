package io.unistore.aws;

import io.unistore.MetadataRules;
import io.unistore.NameRule;
import java.util.Map;

/**
 * User metadata through S3, as S3 keeps it. S3 sends metadata as {@code x-amz-meta-*} HTTP headers and stores
 * the keys in lowercase, so every client reads {@code author} for a key written {@code Author}. The provider
 * says so ({@link MetadataRules.KeyCase#LOWERCASED}) and does the same itself, both ways, so S3-compatible
 * stores that keep the case read exactly as S3 does. Nothing is added to what the caller gave.
 */
final class S3Metadata {
    /**
     * S3's rules: keys are HTTP header tokens (ASCII letters, digits and {@code !#$%&'*+-.^_`|~}), stored in
     * lowercase; values are header text (printable ASCII); 2 KiB of keys and values in all.
     */
    static final MetadataRules RULES = new MetadataRules(NameRule.of("an HTTP header token (ASCII letters, digits "
            + "and !#$%&'*+-.^_`|~)", "[!#$%&'*+.^_`|~0-9A-Za-z-]+", Integer.MAX_VALUE),
            MetadataRules.KeyCase.LOWERCASED, NameRule.PRINTABLE_ASCII, 2 * 1024);

    private S3Metadata() {
    }

    /** The metadata to send to S3 (the API checked it against {@link #RULES}): keys in lowercase. */
    static Map<String, String> toS3(Map<String, String> metadata) {
        return RULES.stored(metadata);
    }

    /** The metadata S3 returned, keys in lowercase (as S3 itself returns them). */
    static Map<String, String> fromS3(Map<String, String> s3) {
        return s3 == null || s3.isEmpty() ? Map.of() : RULES.stored(s3);
    }
}
