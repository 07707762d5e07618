package io.unistore.table;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The shape of a table inferred from a sample of its entities.
 *
 * @param table the table
 * @param sampledEntities how many entities were read
 * @param properties each property seen, most frequent first
 */
public record TableSchema(String table, int sampledEntities, List<PropertySchema> properties) {

    public TableSchema {
        properties = List.copyOf(properties);
    }

    /**
     * One property of the inferred schema.
     *
     * @param name the property name
     * @param occurrences entities of the sample that have it
     * @param types how many times each type was seen
     */
    public record PropertySchema(String name, int occurrences, Map<PropertyType, Integer> types) {
        public PropertySchema {
            types = Map.copyOf(types);
        }

        /** The most frequent type. */
        public PropertyType dominantType() {
            return types.entrySet().stream().max(Map.Entry.<PropertyType, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        }

        /** Whether more than one type was seen. */
        public boolean mixedTypes() {
            return types.size() > 1;
        }
    }
}
