/** The embedded local provider: all four stores on a directory (SQLite + plain files). */
module io.unistore.local {
    requires io.unistore.api;
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    requires org.slf4j;

    provides io.unistore.spi.StorageProvider with io.unistore.local.LocalProvider;
}
