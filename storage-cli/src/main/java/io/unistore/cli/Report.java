package io.unistore.cli;

/** Prints a transfer's result and picks the exit code. */
final class Report {
    private Report() {
    }

    static int transfer(Output output, TransferResult r) {
        if (output.json()) {
            output.json(r);
        } else {
            r.failures().forEach((name, why) -> output.error(name + ": " + why));
            output.note(r.summary());
        }
        return r.failed() == 0 ? Exit.OK : Exit.FAILED;
    }
}
