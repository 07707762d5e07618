package io.unistore.aws;

import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which AWS services an address offers and where each one is. {@code s3://} is S3 alone (as it always was);
 * {@code aws://} is S3, DynamoDB and SQS of one account and region, or the ones the {@code services} option
 * names. {@code endpoint} is S3's; {@code dynamodbEndpoint} and {@code sqsEndpoint} point the other two at other
 * addresses (an emulator, a VPC endpoint), each service on its own. {@code transactions=false} declares no
 * table transactions, for DynamoDB look-alikes without TransactWriteItems (dynalite).
 */
record AwsServices(boolean s3, boolean dynamodb, boolean sqs, URI dynamodbEndpoint, URI sqsEndpoint,
                   boolean transactions) {
    static final Set<String> NAMES = Set.of("s3", "dynamodb", "sqs");

    static AwsServices parse(ProviderConfig config) {
        Map<String, String> o = new LinkedHashMap<>(S3Settings.queryOptions(config.address()));
        o.putAll(config.options());
        boolean aws = config.address().trim().toLowerCase(Locale.ROOT).startsWith("aws://");
        String list = o.get("services");
        Set<String> chosen = new TreeSet<>();
        if (list == null || list.isBlank()) {
            chosen.addAll(aws ? NAMES : Set.of("s3"));
        } else {
            for (String name : list.split(",")) {
                String n = name.trim().toLowerCase(Locale.ROOT);
                if (!NAMES.contains(n)) {
                    throw StorageException.invalidArgument("services", "names s3, dynamodb and sqs separated by "
                            + "commas, was '" + list + "'");
                }
                chosen.add(n);
            }
        }
        return new AwsServices(chosen.contains("s3"), chosen.contains("dynamodb"), chosen.contains("sqs"),
                S3Settings.endpoint("dynamodbEndpoint", o.get("dynamodbEndpoint")),
                S3Settings.endpoint("sqsEndpoint", o.get("sqsEndpoint")),
                new ProviderConfig(config.address(), o).booleanOption("transactions", true));
    }
}
