package dev.stackpulse.feed;

import dev.stackpulse.testing.LocalInfraProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The packaged feed-service (target/quarkus-app) as a separate process on its own port: a replica. */
public final class FeedProcess {

    private final String name;
    private final int port;
    /** Health (readiness) answers on the management port only. */
    private final int managementPort;
    private final LocalInfraProcess infra;
    private final Path publicKey;
    private Process process;

    public FeedProcess(String name, LocalInfraProcess infra, Path publicKey) {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.infra = infra;
        this.publicKey = publicKey;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the jar and waits until it is ready (database and Kafka checks up). */
    public FeedProcess start() {
        try {
            Path jar = Path.of(System.getProperty("feed.app.jar", "target/quarkus-app/quarkus-run.jar"));
            Path log = jar.getParent().getParent().resolve("it-logs").resolve(name + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
                    "-XX:TieredStopAtLevel=1",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=" + managementPort,
                    "-Dquarkus.datasource.jdbc.url=" + infra.jdbcUrl("feed"),
                    "-Dquarkus.datasource.username=stackpulse",
                    "-Dquarkus.datasource.password=stackpulse",
                    "-Dkafka.bootstrap.servers=" + infra.bootstrapServers(),
                    "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(),
                    "-Dfeed.stream.heartbeat=2s",
                    // Only NOTIFY wakes the streams here: the other replica's ingest must reach this one by it.
                    "-Dfeed.stream.fallback-poll=1h",
                    "-jar", jar.toString()));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !process.isAlive() || status(managementPort, "/q/health/ready") == 200);
        } catch (RuntimeException notReady) {
            process.destroyForcibly(); // never leave a replica running after a failed start
            throw notReady;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited during start; see target/it-logs/" + name + ".log");
        }
        return this;
    }

    /** A graceful stop (SIGTERM): the consumer leaves its group, SSE connections are cut. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int status(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
