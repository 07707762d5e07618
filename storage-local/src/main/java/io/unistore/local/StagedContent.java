package io.unistore.local;

/**
 * A content file written whole and renamed into the content folder, not yet referenced by any row. Whoever
 * staged it either commits a row pointing at it or deletes it.
 *
 * @param id the content id (also its file name)
 * @param size bytes
 * @param md5 base64 MD5 of the bytes
 */
record StagedContent(String id, long size, String md5) {
}
