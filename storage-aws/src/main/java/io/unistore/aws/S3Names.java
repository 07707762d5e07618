package io.unistore.aws;

import io.unistore.NamingRules;
import io.unistore.spi.NameRules;
import java.util.regex.Pattern;

/**
 * The names S3 accepts, as data for the API's rules: the portable rules, with S3's own bucket names (dots
 * allowed) for buckets that exist already and S3's metadata rules ({@link S3Metadata#RULES}). New buckets keep
 * the portable rule, so what Unistore creates on S3 can be created on every cloud.
 */
final class S3Names {
    /** S3's bucket rules: 3-63 lowercase letters, digits, dots and hyphens, alphanumeric at both ends. */
    private static final Pattern S3_BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");

    static final NamingRules RULES = NamingRules.portable().toBuilder()
            .container(S3Names::bucket)
            .metadata(S3Metadata.RULES)
            .build();

    private S3Names() {
    }

    /** A bucket to read or write: S3's rules (without {@code ..}), or the portable ones for the message. */
    private static String bucket(String argument, String name) {
        if (name != null && S3_BUCKET.matcher(name).matches() && !name.contains("..")) {
            return name;
        }
        return NameRules.lowercaseDns(argument, name);
    }
}
