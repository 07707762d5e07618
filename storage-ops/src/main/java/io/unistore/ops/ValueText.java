package io.unistore.ops;

import io.unistore.table.PropertyType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The canonical text of a typed property value, shared by CSV cells, templates and casts. Every value turns
 * into text and back without loss: integers in decimal, doubles as Java's shortest round-tripping form (and
 * {@code NaN}, {@code Infinity}, {@code -Infinity}), booleans {@code true}/{@code false}, date-times as
 * ISO-8601 instants in UTC with up to nine fraction digits, binary as standard Base64, GUIDs in the
 * 8-4-4-4-12 form.
 */
final class ValueText {
    private ValueText() {
    }

    static String format(Object value) {
        return switch (PropertyType.of(value)) {
            case BINARY -> Base64.getEncoder().encodeToString((byte[]) value);
            case DATETIME -> ((Instant) value).toString();
            default -> value.toString();
        };
    }

    /**
     * Parses text as a value of the type.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    static Object parse(String text, PropertyType type) {
        try {
            return switch (type) {
                case STRING -> text;
                case INT32 -> Integer.valueOf(text.trim());
                case INT64 -> Long.valueOf(text.trim());
                case DOUBLE -> parseDouble(text.trim());
                case BOOLEAN -> parseBoolean(text.trim());
                case DATETIME -> parseInstant(text.trim());
                case BINARY -> Base64.getDecoder().decode(text.trim());
                case GUID -> parseGuid(text.trim());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not " + describe(type));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not " + describe(type));
        }
    }

    private static Double parseDouble(String s) {
        // Double.valueOf also takes hex floats and a trailing 'd'; only decimal text is data.
        if (!s.matches("[+-]?(NaN|Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)")) {
            throw new NumberFormatException(s);
        }
        return Double.valueOf(s);
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(s);
    }

    private static Instant parseInstant(String s) {
        if (s.endsWith("Z") || s.endsWith("z")) {
            return Instant.parse(s.toUpperCase(java.util.Locale.ROOT));
        }
        return OffsetDateTime.parse(s).toInstant();
    }

    private static UUID parseGuid(String s) {
        if (!s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException(s);
        }
        return UUID.fromString(s);
    }

    static String describe(PropertyType type) {
        return switch (type) {
            case STRING -> "a string";
            case INT32 -> "a 32-bit integer";
            case INT64 -> "a 64-bit integer";
            case DOUBLE -> "a decimal number (or NaN, Infinity, -Infinity)";
            case BOOLEAN -> "true or false";
            case DATETIME -> "an ISO-8601 date-time with a zone, e.g. 2026-01-31T12:00:00Z";
            case BINARY -> "Base64";
            case GUID -> "a GUID like 0b6a8f6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
