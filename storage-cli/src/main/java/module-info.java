/**
 * unistore: the command line over any Unistore account (ls, cat, cp, sync, check, rm, mb, rb, stat, presign,
 * tables, queue, migrate, backup, restore). An application: it exports nothing, and finds the providers on the
 * class or module path at run time.
 */
module io.unistore.cli {
    requires io.unistore.api;
    requires io.unistore.ops;
    requires io.unistore.config;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires tools.jackson.databind;
    requires org.slf4j;

    // picocli reads the commands' annotated fields, Jackson the output records, by reflection.
    opens io.unistore.cli to info.picocli, tools.jackson.databind;
}
