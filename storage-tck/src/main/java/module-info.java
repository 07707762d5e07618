/** The conformance kit: abstract JUnit contracts every provider runs against its real back end. */
module io.unistore.tck {
    requires transitive io.unistore.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires java.net.http;
    requires java.management;

    exports io.unistore.tck;
    opens io.unistore.tck to org.junit.platform.commons;
}
