package dev.stackpulse.system;

import dev.stackpulse.testing.LocalInfraProcess;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as it runs in production, on this machine: real PostgreSQL and Kafka (LocalInfra) and the three
 * packaged services as separate processes. One per test JVM; fault tests restore what they break.
 */
final class SystemStack {

    private static SystemStack instance;

    final LocalInfraProcess infra;
    final ServiceProcess catalog;
    final ServiceProcess summit;
    final ServiceProcess feed;
    /** Where a browser finds each service's pages: the links between them. */
    private final Map<String, String> pages;

    private SystemStack() {
        infra = SharedInfra.infra(List.of("catalog", "summit", "feed"));
        Path root = LocalInfraProcess.projectRoot();
        Path logs = root.resolve("system-tests/target/service-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int catalogPort = freePort();
        int summitPort = freePort();
        int feedPort = freePort();
        pages = Map.of("CATALOG_PAGES_URL", "http://127.0.0.1:" + catalogPort,
                "SUMMIT_PAGES_URL", "http://127.0.0.1:" + summitPort, "FEED_PAGES_URL", "http://127.0.0.1:" + feedPort);
        catalog = new ServiceProcess("catalog-service", catalogPort, env("catalog"), root, logs);
        summit = new ServiceProcess("summit-service", summitPort, env("summit"), root, logs);
        feed = new ServiceProcess("feed-service", feedPort, env("feed"), root, logs);
        catalog.start();
        summit.start();
        feed.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            feed.stop();
            summit.stop();
            catalog.stop();
        }, "system-stack-stop"));
    }

    static synchronized SystemStack get() {
        if (instance == null) {
            instance = new SystemStack();
        }
        return instance;
    }

    /** A second feed-service on its own port against the same database and broker. */
    ServiceProcess anotherFeed() {
        Path root = LocalInfraProcess.projectRoot();
        return new ServiceProcess("feed-service", freePort(), env("feed"), root,
                root.resolve("system-tests/target/service-logs"));
    }

    Map<String, String> env(String database) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", infra.jdbcUrl(database));
        env.put("DB_USERNAME", "stackpulse");
        env.put("DB_PASSWORD", "stackpulse");
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", SharedInfra.tokens().publicKeyFile().toUri().toString());
        env.put("JWT_ISSUER", TestTokens.ISSUER);
        env.put("JWT_AUDIENCE", TestTokens.AUDIENCE);
        env.putAll(pages);
        return env;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
