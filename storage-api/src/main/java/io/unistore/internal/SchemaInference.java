package io.unistore.internal;

import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableSchema;
import io.unistore.table.TableStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provider-neutral schema inference behind {@link TableStore#inferSchema}. */
public final class SchemaInference {
    private SchemaInference() {
    }

    public static TableSchema infer(TableStore store, String table, int sampleSize) {
        if (sampleSize < 1) {
            throw StorageException.invalidArgument("sampleSize", "must be at least 1, was " + sampleSize);
        }
        Map<String, Map<PropertyType, Integer>> seen = new LinkedHashMap<>();
        int sampled = 0;
        for (TableEntity e : store.query(table, TableQuery.all().withTop(sampleSize)
                .withPageSize(Math.min(sampleSize, TableQuery.DEFAULT_PAGE_SIZE)))) {
            sampled++;
            for (String name : e.propertyNames()) {
                seen.computeIfAbsent(name, k -> new EnumMap<>(PropertyType.class))
                        .merge(e.typeOf(name), 1, Integer::sum);
            }
        }
        List<TableSchema.PropertySchema> props = new ArrayList<>();
        seen.forEach((name, types) -> props.add(new TableSchema.PropertySchema(name,
                types.values().stream().mapToInt(Integer::intValue).sum(), types)));
        props.sort(Comparator.comparingInt(TableSchema.PropertySchema::occurrences).reversed()
                .thenComparing(TableSchema.PropertySchema::name));
        return new TableSchema(table, sampled, props);
    }
}
