package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.table.TableEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text template such as {@code "{Region}-{Id}"}: literal text with {@code {Name}} replaced by the canonical
 * text of the entity's property (or its {@code PartitionKey} / {@code RowKey}). A name may be followed by
 * filters: {@code {Name|upper}}, {@code |lower}, {@code |trim}, {@code |pad:8} (left-pads with zeros to 8
 * characters). {@code {{} and {@code }}} are literal braces. Nothing else is evaluated: templates are data, not
 * code.
 */
final class Template {
    private record Part(String literal, String property, List<String> filters) {
    }

    private final String text;
    private final List<Part> parts;

    private Template(String text, List<Part> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** Parses a template; INVALID_ARGUMENT naming {@code field} when it is malformed. */
    static Template parse(String text, String field) {
        if (text == null) {
            throw StorageException.invalidArgument(field, "is required");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw StorageException.invalidArgument(field, "template '" + text + "' has an unclosed '{'");
                }
                if (literal.length() > 0) {
                    parts.add(new Part(literal.toString(), null, List.of()));
                    literal.setLength(0);
                }
                String[] pieces = text.substring(i + 1, end).split("\\|");
                String name = pieces[0].trim();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw StorageException.invalidArgument(field, "template '" + text + "' names '" + name
                            + "', which is not a property name");
                }
                List<String> filters = new ArrayList<>();
                for (int k = 1; k < pieces.length; k++) {
                    String f = pieces[k].trim();
                    if (!f.matches("upper|lower|trim|pad:\\d{1,3}")) {
                        throw StorageException.invalidArgument(field, "template '" + text + "' has filter '" + f
                                + "'; the filters are upper, lower, trim, pad:N");
                    }
                    filters.add(f);
                }
                parts.add(new Part(null, name, filters));
                i = end + 1;
            } else if (c == '}') {
                throw StorageException.invalidArgument(field, "template '" + text + "' has a lone '}' (write '}}')");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null, List.of()));
        }
        return new Template(text, parts);
    }

    /** The properties the template reads. */
    List<String> properties() {
        return parts.stream().filter(p -> p.property != null).map(Part::property).toList();
    }

    /**
     * Renders the template for an entity.
     *
     * @return the text, or null when a property it names is missing
     */
    String render(TableEntity entity) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part.literal != null) {
                out.append(part.literal);
                continue;
            }
            String value = switch (part.property) {
                case TableEntity.PARTITION_KEY -> entity.partitionKey();
                case TableEntity.ROW_KEY -> entity.rowKey();
                default -> entity.has(part.property) ? ValueText.format(entity.get(part.property)) : null;
            };
            if (value == null) {
                return null;
            }
            for (String f : part.filters) {
                value = switch (f) {
                    case "upper" -> value.toUpperCase(Locale.ROOT);
                    case "lower" -> value.toLowerCase(Locale.ROOT);
                    case "trim" -> value.trim();
                    default -> pad(value, Integer.parseInt(f.substring(4)));
                };
            }
            out.append(value);
        }
        return out.toString();
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : "0".repeat(width - value.length()) + value;
    }

    @Override
    public String toString() {
        return text;
    }
}
