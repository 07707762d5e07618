/**
 * The bench: Unistore measured beside the raw SDKs, the official MCP servers and rclone, with its report. An
 * application (run from its shaded jar); it exports nothing.
 */
module io.unistore.bench {
    requires io.unistore.api;
    requires io.unistore.ops;
    requires io.unistore.crypto;
    requires io.unistore.cache;
    requires io.unistore.testsupport;
    requires io.unistore.tck;
    requires info.picocli;
    requires com.azure.core;
    requires com.azure.storage.blob;
    requires com.azure.storage.queue;
    requires com.azure.data.tables;
    requires gax;
    requires google.cloud.core;
    requires google.cloud.storage;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.services.dynamodb;
    requires software.amazon.awssdk.services.sqs;
    requires tools.jackson.databind;
    requires org.jfree.jfreechart;
    requires jmh.core;
    requires org.xerial.sqlitejdbc;
    requires java.sql;
    requires java.management;
    requires java.desktop;

    // JMH and Jackson build benchmark states and report records by reflection.
    opens io.unistore.bench to info.picocli;
    opens io.unistore.bench.micro to jmh.core;
    opens io.unistore.bench.local to jmh.core;
    opens io.unistore.bench.cache to jmh.core;
    opens io.unistore.bench.report to tools.jackson.databind;
}
