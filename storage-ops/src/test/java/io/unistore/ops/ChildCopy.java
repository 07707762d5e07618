package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import java.nio.file.Path;

/**
 * Runs a slowed-down copy or migration in a child JVM, for {@link KillResumeTest} to kill with SIGKILL.
 * Arguments: {@code blob|table sourceDir target journal delayMillis}, the target being a local directory or
 * {@code azurite:<connection string>}.
 */
public final class ChildCopy {
    private ChildCopy() {
    }

    public static void main(String[] args) {
        try (StorageAccount source = Unistore.open(args[1]); StorageAccount real = open(args[2])) {
            CountingAccount target = new CountingAccount(real).delay(Long.parseLong(args[4]));
            Path journal = Path.of(args[3]);
            System.out.println("started");
            if (args[0].equals("blob")) {
                ContainerCopy.run(source, target, KillResumeTest.copyOptions(journal));
            } else {
                TableMigration.migrate(source, target, KillResumeTest.migrateOptions(journal));
            }
            System.out.println("finished");
        }
    }

    /** Opens a target: a local directory, or {@code azurite:<connection string>}. */
    static StorageAccount open(String target) {
        if (target.startsWith("azurite:")) {
            return Unistore.open(target.substring("azurite:".length()), java.util.Map.of("versioning", "false",
                    "maxRetries", "1", "retryDelayMs", "100"));
        }
        return Unistore.open(target);
    }
}
