package io.unistore.cli;

import io.unistore.blob.PresignOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code presign}: a time-limited URL of a blob. */
@Command(name = "presign", description = "Prints a presigned URL to read (or with --write, to upload) a blob. The URL "
        + "carries a signature: share it only with whoever should have that access until it expires.")
final class PresignCommand extends BaseCommand {
    @Parameters(paramLabel = "ACCOUNT:container/blob")
    String where;

    @Option(names = "--expiry", paramLabel = "DURATION", defaultValue = "1h",
            description = "How long the URL works: 90s, 15m, 1h, 7d, or ISO-8601 (PT1H). Default ${DEFAULT-VALUE}.")
    String expiry;

    @Option(names = "--write", description = "A URL to upload (PUT) the blob instead of reading it.")
    boolean write;

    @Override
    int run(Session session, Output output) {
        Location at = Location.parse(where);
        if (at.isLocal()) {
            throw CliException.usage(where + " is a local path; give ACCOUNT:container/blob");
        }
        Duration d = duration(expiry, "--expiry");
        URI url = session.account(at).blobs().generatePresignedUrl(at.requireContainer("container"),
                at.requireObject(), write ? PresignOptions.write(d) : PresignOptions.read(d));
        output.result(Map.of("url", url.toString(), "expiresAt", Instant.now().plus(d).toString()), url.toString());
        return Exit.OK;
    }

    static Duration duration(String text, String option) {
        try {
            if (text.matches("\\d+[smhd]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw CliException.usage(option + " '" + text + "': expected a duration such as 90s, 15m, 1h, 7d or PT1H");
        }
    }
}
