package dev.stackpulse.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** One packaged service ({@code target/quarkus-app}) as a real OS process, to be started, killed and restarted. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    /** Health, metrics and OpenAPI answer on this port only (the management interface), never on the API port. */
    private final int managementPort;
    private final Map<String, String> env;
    private final Path jar;
    private final Path log;
    private Process process;

    ServiceProcess(String name, int port, Map<String, String> env, Path root, Path logDir) {
        this.name = name;
        this.port = port;
        this.managementPort = SystemStack.freePort();
        this.env = env;
        this.jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.log = logDir.resolve(name + "-" + port + ".log");
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where /q/health, /q/metrics and /q/openapi answer; the same port across restarts. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Starts the process and waits until /q/health/ready says UP. */
    void start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: the services are packaged before system-tests run");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await(name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + log);
                    }
                    return readinessStatus() == 200;
                });
    }

    /** SIGKILL: no shutdown hook, no graceful close, like a crashed pod. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM and wait. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    /** HTTP status of /q/health/ready (management port), or -1 when the service does not answer. */
    int readinessStatus() {
        return status("/q/health/ready");
    }

    /** HTTP status of /q/health/live (management port), or -1 when the service does not answer. */
    int livenessStatus() {
        return status("/q/health/live");
    }

    private int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + path))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
