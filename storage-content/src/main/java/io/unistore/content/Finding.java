package io.unistore.content;

/**
 * One item of personal or secret data: where it is and a masked preview, never the value itself.
 *
 * @param kind    what it is
 * @param line    its line, from 1
 * @param column  its first character in the line, from 1
 * @param offset  its first byte from the start of what was scanned (the object, or its extracted text in UTF-8)
 * @param length  its length in characters
 * @param preview a masked preview ({@link Masking#preview})
 */
public record Finding(FindingKind kind, long line, int column, long offset, int length, String preview) {
}
