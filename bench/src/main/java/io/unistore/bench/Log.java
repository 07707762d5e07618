package io.unistore.bench;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Progress lines on stderr; details only with {@code --verbose}. */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final boolean verbose;

    public Log(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    public void info(String format, Object... args) {
        out.println(LocalTime.now().format(TIME) + " " + String.format(Locale.ROOT, format, args));
    }

    public void detail(String format, Object... args) {
        if (verbose) {
            info("  " + format, args);
        }
    }

    /** A number with three significant digits or so, for logs and tables. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
