package io.unistore.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** rclone, the reference of the bulk copies, if installed (Debian: {@code apt-get install -y rclone}). */
public final class Rclone {
    private Rclone() {
    }

    /** rclone's version line, or empty when it is not on the PATH. */
    public static Optional<String> version() {
        return Optional.ofNullable(Machine.firstLine(List.of("rclone", "version"), Duration.ofSeconds(20)));
    }
}
