/**
 * What the tests of every module share: the back ends they start (Azurite, S3Proxy, the Azure Files, GCS, Graph,
 * Service Bus and Key Vault stand-ins), the fault proxy, the secrets harness parts and the Node cross-client scripts.
 */
module io.unistore.testsupport {
    requires org.slf4j;
    requires transitive tools.jackson.databind;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.client;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires jdk.httpserver;
    requires java.logging;
    requires java.xml;
    requires org.apache.qpid.proton.j;
    // Only the Azure fault policy needs them, and only Azure's tests use it (optional dependencies).
    requires static transitive com.azure.core;
    requires static transitive reactor.core;
    // Only S3ProxyKnownGaps (a JUnit condition) needs it (optional dependency).
    requires static org.junit.jupiter.api;

    exports io.unistore.testsupport;
    exports io.unistore.testsupport.aws;
    exports io.unistore.testsupport.azurefiles;
    exports io.unistore.testsupport.azurite;
    exports io.unistore.testsupport.faults;
    exports io.unistore.testsupport.gcs;
    exports io.unistore.testsupport.keyvault;
    exports io.unistore.testsupport.msgraph;
    exports io.unistore.testsupport.s3proxy;
    exports io.unistore.testsupport.secrets;
    exports io.unistore.testsupport.servicebus;
}
