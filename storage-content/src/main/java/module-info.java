/**
 * What stored content is: its type by content and its language, the personal and secret data it holds (with
 * redaction), and the text of office documents, PDF and HTML (Apache Tika, loaded on first use).
 */
module io.unistore.content {
    requires transitive io.unistore.api;
    requires org.apache.tika.core;
    // Tika's API speaks SAX (content handlers) and names java.sql types in its metadata.
    requires java.xml;
    requires java.sql;

    exports io.unistore.content;
}
