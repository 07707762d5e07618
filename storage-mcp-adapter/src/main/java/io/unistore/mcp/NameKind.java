package io.unistore.mcp;

/**
 * The kinds of names a call touches and an account's policy restricts: containers (buckets), tables, queues
 * and file shares.
 */
public enum NameKind {
    /** A blob container or bucket. */
    CONTAINER("container", "containers"),
    /** A table. */
    TABLE("table", "tables"),
    /** A queue. */
    QUEUE("queue", "queues"),
    /** A file share. */
    SHARE("share", "shares");

    final String singular;
    final String configKey;

    NameKind(String singular, String configKey) {
        this.singular = singular;
        this.configKey = configKey;
    }
}
