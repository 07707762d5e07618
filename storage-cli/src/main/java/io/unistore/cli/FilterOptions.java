package io.unistore.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --include} and {@code --exclude}, for the commands that walk a directory or prefix. */
final class FilterOptions {
    @Option(names = "--include", paramLabel = "GLOB",
            description = "Only relative names matching (*.jpg matches in any folder; ** crosses folders). Repeatable.")
    List<String> include = List.of();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Not names matching; wins over --include. "
            + "Repeatable.")
    List<String> exclude = List.of();

    NameFilter filter() {
        return NameFilter.of(include, exclude);
    }

    boolean given() {
        return !include.isEmpty() || !exclude.isEmpty();
    }
}
