package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import java.nio.file.Path;

/**
 * The child JVM of the kill harnesses: runs one operation with the options its test resumes it with, its writes
 * slowed down so that a kill can land anywhere in it, printing {@code started} as the operation begins, a line
 * {@code w} after each write call returns (the parent kills it after a random number of them) and
 * {@code finished} once it returns. Arguments: {@code operation sourceDir targetSpec journal delayMillis
 * name [incremental]}, the target spec as {@link KillTargets} reads it, {@code name} the target container (or
 * the backup container).
 */
public final class KillChild {
    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        String operation = args[0];
        Path journal = Path.of(args[3]);
        long delay = Long.parseLong(args[4]);
        String name = args[5];
        try (StorageAccount source = Unistore.open(args[1]); StorageAccount real = KillTargets.open(args[2])) {
            Runnable progress = () -> {
                synchronized (System.out) {
                    System.out.println("w");
                    System.out.flush();
                }
            };
            CountingAccount target = new CountingAccount(real).delay(delay).afterWrite(progress);
            System.out.println("started");
            System.out.flush();
            long start = System.nanoTime();
            switch (operation) {
                case "copy-container" -> ContainerCopy.run(source, target,
                        BlobKillHarnessTest.copyOptions(name, journal));
                case "backup-container" -> ContainerBackup.backup(source, target,
                        BlobKillHarnessTest.backupOptions(name, Boolean.parseBoolean(args[6])));
                case "migrate-table-data" -> TableMigration.migrate(source, target,
                        TableKillHarnessTest.migrateOptions(journal));
                // In place: the account written is the source, so that is the one slowed down.
                case "transform-table-schema" -> TableMigration.transformInPlace(
                        new CountingAccount(source).delay(delay).afterWrite(progress),
                        TableKillHarnessTest.transformOptions(journal));
                case "index-writes" -> IndexKillHarnessTest.writeThroughIndexes(real, name, delay, progress);
                default -> throw new IllegalArgumentException("no operation " + operation);
            }
            System.out.printf("finished in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
