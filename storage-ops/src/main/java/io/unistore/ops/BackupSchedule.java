package io.unistore.ops;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.unistore.StorageException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * When a scheduled backup runs: a cron expression, read by cron-utils. Five fields are Unix cron
 * ({@code minute hour day-of-month month day-of-week}, e.g. {@code 0 2 * * *} for 02:00 daily); six or seven
 * fields are Quartz cron with seconds first (e.g. {@code 0 0/15 * * * ?}). Times are in the given zone
 * (UTC by default). Immutable.
 */
public final class BackupSchedule {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String expression;
    private final ZoneId zone;
    private final Cron cron;
    private final ExecutionTime times;

    private BackupSchedule(String expression, ZoneId zone, Cron cron) {
        this.expression = expression;
        this.zone = zone;
        this.cron = cron;
        this.times = ExecutionTime.forCron(cron);
    }

    /** Parses a cron expression in UTC. */
    public static BackupSchedule parse(String expression) {
        return parse(expression, ZoneId.of("UTC"));
    }

    /**
     * Parses a cron expression in a zone.
     *
     * @throws StorageException INVALID_ARGUMENT naming the field {@code cron} and what is wrong
     */
    public static BackupSchedule parse(String expression, ZoneId zone) {
        if (expression == null || expression.isBlank()) {
            throw StorageException.invalidArgument("cron", "is required");
        }
        String trimmed = expression.trim();
        int fields = trimmed.split("\\s+").length;
        try {
            Cron cron = (fields == 5 ? UNIX : QUARTZ).parse(trimmed).validate();
            return new BackupSchedule(trimmed, zone == null ? ZoneId.of("UTC") : zone, cron);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument("cron", "'" + trimmed + "' is not a valid "
                    + (fields == 5 ? "Unix (5-field)" : "Quartz (6/7-field)") + " cron expression: " + e.getMessage());
        }
    }

    /** The next run strictly after {@code after}, or empty when the expression never fires again. */
    public Optional<Instant> nextRun(Instant after) {
        return times.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The schedule in English, e.g. "at 02:00". */
    public String describe() {
        return CronDescriptor.instance(Locale.ENGLISH).describe(cron);
    }

    @Override
    public String toString() {
        return expression + " (" + zone + ")";
    }
}
