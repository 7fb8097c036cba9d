package dev.stackpulse.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs a real PostgreSQL and a real single-node Kafka broker without Docker, for the run command and the tests.
 *
 * <p>Protocol on stdout: one line {@code READY postgres=<port> kafka=<port>} once both accept connections.
 * Commands on stdin (used by fault-injection tests): {@code kafka-stop}, {@code kafka-start}, {@code pg-stop},
 * {@code pg-start}, {@code stop}; each answers {@code OK <command>}. When stdin closes (the parent died) or on
 * SIGTERM everything is shut down, so no orphan survives its owner.
 *
 * <p>Its data folder, keys and passwords are readable by their owner only; PostgreSQL and Kafka listen on
 * 127.0.0.1, PostgreSQL with password logins only.
 */
public final class LocalInfra {

    private final InfraOptions options;
    private final Postgres postgres;
    private final KafkaBroker kafka;

    LocalInfra(InfraOptions options) throws IOException {
        this.options = options;
        String appPassword = options.appPasswordFile() == null ? InfraOptions.TEST_APP_PASSWORD
                : OwnerOnly.secret(options.appPasswordFile());
        this.postgres = new Postgres(options.dataDir().resolve("postgres"), options.postgresPort(), options.databases(),
                !options.ephemeral(), appPassword, options.dataDir().resolve("postgres-superuser.password"));
        this.kafka = new KafkaBroker(options.dataDir().resolve("kafka"), options.kafkaPort(), options.controllerPort(),
                options.topics(), options.kafkaHeap());
    }

    public static void main(String[] args) throws Exception {
        InfraOptions options = InfraOptions.parse(args);
        LocalInfra infra;
        try {
            infra = new LocalInfra(options);
            Runtime.getRuntime().addShutdownHook(new Thread(infra::shutdown, "infra-shutdown"));
            infra.start();
        } catch (Exception e) {
            System.out.println("FAILED " + e.getMessage());
            System.out.flush();
            System.exit(2);
            return;
        }
        System.out.println("READY postgres=" + infra.postgres.port() + " kafka=" + infra.kafka.port());
        System.out.flush();
        infra.serveCommands();
        System.exit(0);
    }

    void start() throws Exception {
        OwnerOnly.directory(options.dataDir());
        postgres.start();
        kafka.start();
    }

    private void serveCommands() throws IOException {
        if (options.detached()) {
            waitForever();
            return;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.trim();
            try {
                if (!execute(command)) {
                    return;
                }
                System.out.println("OK " + command);
            } catch (Exception e) {
                System.out.println("ERROR " + command + " " + e.getMessage());
            }
            System.out.flush();
        }
    }

    private boolean execute(String command) throws Exception {
        switch (command) {
            case "kafka-stop" -> kafka.stop();
            case "kafka-start" -> kafka.start();
            case "pg-stop" -> postgres.stop();
            case "pg-start" -> postgres.start();
            case "stop" -> { return false; }
            case "" -> { }
            default -> throw new IllegalArgumentException("unknown command");
        }
        return true;
    }

    private static void waitForever() {
        Object monitor = new Object();
        synchronized (monitor) {
            while (true) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    int postgresPort() {
        return postgres.port();
    }

    synchronized void shutdown() {
        kafka.stop();
        postgres.stop();
        if (options.ephemeral()) {
            deleteTree(options.dataDir());
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
