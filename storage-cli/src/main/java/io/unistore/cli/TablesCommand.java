package io.unistore.cli;

import io.unistore.StorageAccount;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.ops.CsvExportOptions;
import io.unistore.ops.CsvImportException;
import io.unistore.ops.CsvImportOptions;
import io.unistore.ops.CsvResult;
import io.unistore.ops.CsvSource;
import io.unistore.ops.EntityJson;
import io.unistore.ops.TableCsv;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tables}: list, query, export and import tables. */
@Command(name = "tables", description = "Tables: list, query, export to CSV, import from CSV.",
        subcommands = {TablesCommand.Ls.class, TablesCommand.Query.class, TablesCommand.Export.class,
            TablesCommand.Import.class})
final class TablesCommand {
    private TablesCommand() {
    }

    static Location table(String text) {
        Location at = Location.parse(text);
        if (at.isLocal() || !at.path().isEmpty()) {
            throw CliException.usage(text + ": give ACCOUNT:table");
        }
        at.requireContainer("table");
        return at;
    }

    /** {@code tables ls ACCOUNT:}. */
    @Command(name = "ls", description = "Lists the tables of ACCOUNT:.")
    static final class Ls extends BaseCommand {
        @Parameters(paramLabel = "ACCOUNT:")
        String where;

        @Override
        int run(Session session, Output output) {
            Location at = Location.parse(where);
            if (at.isLocal()) {
                throw CliException.usage(where + ": give ACCOUNT:");
            }
            List<String> names = new ArrayList<>();
            for (TableInfo t : session.account(at).tables().listTables()) {
                names.add(t.name());
            }
            if (output.json()) {
                output.json(names);
            } else {
                names.forEach(output::line);
            }
            return Exit.OK;
        }
    }

    /** {@code tables query ACCOUNT:table --filter ...}: entities as JSON lines. */
    @Command(name = "query", description = "Prints the entities of a table as JSON lines (typed values as "
            + "{\"type\":...,\"value\":...} where JSON would lose the type); --json prints one array.")
    static final class Query extends BaseCommand {
        @Parameters(paramLabel = "ACCOUNT:table")
        String where;

        @Option(names = "--filter", paramLabel = "ODATA", description = "e.g. \"PartitionKey eq 'a' and Age gt 30\".")
        String filter;

        @Option(names = "--select", paramLabel = "NAME", split = ",", description = "Only these properties.")
        List<String> select;

        @Option(names = "--top", paramLabel = "N", description = "At most N entities.")
        Integer top;

        @Override
        int run(Session session, Output output) {
            Location at = table(where);
            if (top != null && top < 0) {
                throw CliException.usage("--top: must not be negative, was " + top);
            }
            TableQuery query = TableQuery.all().withFilter(filter == null ? null : Filter.parse(filter))
                    .withSelect(select);
            long n = 0;
            List<Object> all = new ArrayList<>();
            for (TableEntity e : session.account(at).tables().query(at.container(), query)) {
                if (top != null && n >= top) {
                    break;
                }
                n++;
                if (output.json()) {
                    all.add(EntityJson.toJson(e));
                } else {
                    output.line(EntityJson.toLine(e));
                }
            }
            if (output.json()) {
                output.json(all);
            }
            return Exit.OK;
        }
    }

    /** {@code tables export ACCOUNT:table FILE}. */
    @Command(name = "export", description = "Exports a table to CSV (a file, or - for stdout), with Name@TYPE headers "
            + "that import reads back.")
    static final class Export extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ACCOUNT:table")
        String where;

        @Parameters(index = "1", paramLabel = "FILE")
        String file;

        @Option(names = "--filter", paramLabel = "ODATA", description = "Only entities matching.")
        String filter;

        @Override
        int run(Session session, Output output) throws Exception {
            Location at = table(where);
            StorageAccount account = session.account(at);
            CsvExportOptions options = CsvExportOptions.of(at.container())
                    .withFilter(filter == null ? null : Filter.parse(filter));
            CsvResult r;
            if ("-".equals(file)) {
                Writer w = new OutputStreamWriter(output.out(), StandardCharsets.UTF_8);
                r = TableCsv.export(account, options, w);
                w.flush();
            } else {
                r = TableCsv.export(account, options, Path.of(file));
            }
            if (output.json() && !"-".equals(file)) {
                output.json(r);
            } else {
                output.note("exported " + r.rows() + " rows to " + file);
            }
            return Exit.OK;
        }
    }

    /** {@code tables import FILE ACCOUNT:table}. */
    @Command(name = "import", description = "Imports CSV into a table (created when missing): all rows or, when one "
            + "is bad, none (--skip-bad-rows writes the good ones). Types from Name@TYPE headers, else inferred.")
    static final class Import extends BaseCommand {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1", paramLabel = "ACCOUNT:table")
        String where;

        @Option(names = "--skip-bad-rows", description = "Write the good rows and report the bad ones.")
        boolean skipBadRows;

        @Option(names = "--type-row", description = "The second row holds the column types.")
        boolean typeRow;

        @Override
        int run(Session session, Output output) {
            Location at = table(where);
            if (!Files.isRegularFile(file)) {
                throw new CliException(Exit.NOT_FOUND, "no file " + file + "; give the CSV file to import");
            }
            CsvResult r;
            try {
                r = TableCsv.importCsv(session.account(at), CsvImportOptions.of(at.container())
                        .withSkipBadRows(skipBadRows).withTypeRow(typeRow), CsvSource.file(file));
            } catch (CsvImportException e) {
                throw new CliException(Exit.USAGE, Errors.describe(e)
                        + "; nothing was written (fix the rows, or add --skip-bad-rows)");
            }
            if (output.json()) {
                output.json(r);
            } else {
                r.badRows().forEach(b -> output.error(file + " line " + b.line() + ": " + b.message()));
                output.note("imported " + r.written() + " of " + r.rows() + " rows into " + at);
            }
            return r.badRows().isEmpty() ? Exit.OK : Exit.FAILED;
        }
    }
}
