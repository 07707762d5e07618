package io.unistore.aws;

import io.unistore.table.TableEntity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A merge as one UpdateItem: SET each given property (and its type tag, or REMOVE a tag its old type had), the
 * new ETag and timestamp; properties not given stay. With {@code mustExist} the item must exist and, with an
 * ETag, carry it.
 *
 * @param expression the update expression
 * @param condition the condition, or null
 */
record DynamoMerge(String expression, String condition, Map<String, String> names,
                   Map<String, AttributeValue> values) {

    static DynamoMerge of(TableEntity entity, String etag, Instant now, String ifMatch, boolean mustExist) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET #etag = :etag, #ts = :ts");
        StringBuilder remove = new StringBuilder();
        names.put("#etag", DynamoItems.ETAG);
        names.put("#ts", DynamoItems.TIMESTAMP);
        values.put(":etag", DynamoItems.s(etag));
        values.put(":ts", DynamoItems.s(DynamoItems.DATE_TIME.format(now)));
        int i = 0;
        for (Map.Entry<String, Object> p : entity.properties().entrySet()) {
            String n = "#p" + i;
            String t = "#t" + i;
            names.put(n, p.getKey());
            names.put(t, DynamoItems.TYPE_PREFIX + p.getKey());
            values.put(":p" + i, DynamoItems.value(p.getValue()));
            set.append(", ").append(n).append(" = :p").append(i);
            String tag = DynamoItems.tag(p.getValue());
            if (tag != null) {
                values.put(":t" + i, DynamoItems.s(tag));
                set.append(", ").append(t).append(" = :t").append(i);
            } else {
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append(t);
            }
            i++;
        }
        String condition = null;
        if (mustExist) {
            names.put("#pk", DynamoItems.PK);
            condition = existsCondition(ifMatch, names, values);
        }
        return new DynamoMerge(set.append(remove).toString(), condition, names, values);
    }

    /** {@code attribute_exists(#pk)}, and {@code #etag = :match} with an ETag; fills in names and values. */
    static String existsCondition(String ifMatch, Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#pk", DynamoItems.PK);
        if (ifMatch == null) {
            return "attribute_exists(#pk)";
        }
        names.put("#etag", DynamoItems.ETAG);
        values.put(":match", DynamoItems.s(ifMatch));
        return "attribute_exists(#pk) AND #etag = :match";
    }
}
