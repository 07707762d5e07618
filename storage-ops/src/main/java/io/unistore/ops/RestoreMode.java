package io.unistore.ops;

/** What a restore does with a target that already holds data. */
public enum RestoreMode {
    /** Refuse (CONFLICT) when the target table is non-empty, or the target already holds a blob to restore. */
    FAIL,
    /** Write the restored entities or blobs over what is there; leave everything else. */
    MERGE,
    /** Make the target exactly the restored state: also delete entities (or blobs under the prefix) not in it. */
    REPLACE
}
