package dev.stackpulse.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The infra launcher ({@code dev.stackpulse.infra.LocalInfra}) as a child process with its own ports and an
 * ephemeral data folder. It dies with this JVM (its stdin closes), so a crashed test run leaves nothing behind.
 */
public final class LocalInfraProcess {

    private static final Pattern READY = Pattern.compile("READY postgres=(\\d+) kafka=(\\d+)");

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final int postgresPort;
    private final int kafkaPort;

    private LocalInfraProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String line;
        Matcher ready = null;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                ready = m;
                break;
            }
            if (line.startsWith("FAILED")) {
                break;
            }
        }
        if (ready == null) {
            process.destroyForcibly();
            throw new IllegalStateException("local infrastructure did not start: " + line);
        }
        this.postgresPort = Integer.parseInt(ready.group(1));
        this.kafkaPort = Integer.parseInt(ready.group(2));
    }

    public static LocalInfraProcess start(List<String> databases, String topics) {
        try {
            Path root = projectRoot();
            Path dataDir = Files.createTempDirectory("stackpulse-test-infra");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                    "-XX:+UseSerialGC", "-cp",
                    root.resolve("infra/target/infra.jar") + java.io.File.pathSeparator
                            + root.resolve("infra/target/lib") + "/*",
                    "dev.stackpulse.infra.LocalInfra", "--ephemeral", "--data-dir", dataDir.toString(),
                    "--databases", String.join(",", databases), "--topics", topics));
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new LocalInfraProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** Sends a fault-injection command ({@code kafka-stop}, {@code kafka-start}, {@code pg-stop}, {@code pg-start}). */
    public synchronized void command(String command) {
        try {
            in.write(command + "\n");
            in.flush();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("OK " + command)) {
                    return;
                }
                if (line.startsWith("ERROR " + command)) {
                    throw new IllegalStateException(line);
                }
            }
            throw new IllegalStateException("infra launcher exited during " + command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        try {
            in.close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The checkout's root: set by the build (stackpulse.root), else the nearest folder holding infra/target. */
    public static Path projectRoot() {
        String configured = System.getProperty("stackpulse.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "infra", "target", "lib"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/target/lib"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "infra/target/lib not found: build the launcher first (./mvnw -pl infra package)");
    }
}
