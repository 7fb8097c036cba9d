package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run script's process handling, in seconds: the real {@code stackpulse} script in a copy of the checkout
 * whose {@code java} (on PATH) is a stand-in that plays the launcher and serves each service's readiness URL.
 */
class StackpulseScriptTest {

    private static final Path ROOT = Path.of(System.getProperty("stackpulse.root", ".."));

    @TempDir
    Path checkout;

    private Path bin;
    private Map<String, String> ports;

    @AfterEach
    void stop() throws Exception {
        if (bin != null) {
            run("stop");
        }
    }

    @Test
    void startAfterOneServiceDiedStartsItAndSaysSo() throws Exception {
        fakeCheckout();
        Result first = run("start");
        assertEquals(0, first.code, first.out);
        assertEquals(Map.of("infra", true, "catalog-service", true, "summit-service", true, "feed-service", true),
                status());

        kill("summit-service");
        assertEquals(false, status().get("summit-service"));

        Result again = run("start");
        assertEquals(0, again.code, again.out);
        assertTrue(again.out.contains("• catalog-service already running"), again.out);
        assertTrue(again.out.contains("• starting summit-service"), again.out);
        assertTrue(again.out.contains("started what was missing: summit-service"), again.out);
        assertTrue(!again.out.contains("starting catalog-service") && !again.out.contains("starting PostgreSQL"),
                again.out);
        assertEquals(Map.of("infra", true, "catalog-service", true, "summit-service", true, "feed-service", true),
                status());

        Result third = run("start");
        assertEquals(0, third.code, third.out);
        assertTrue(third.out.contains("already running") && third.out.contains("nothing to start"), third.out);

        kill("infra");
        Result fourth = run("start");
        assertEquals(0, fourth.code, fourth.out);
        assertTrue(fourth.out.contains("• starting PostgreSQL") && fourth.out.contains("started what was missing: infra")
                && !fourth.out.contains("• starting catalog-service"), fourth.out);
        assertEquals(Map.of("infra", true, "catalog-service", true, "summit-service", true, "feed-service", true),
                status());
    }

    private void kill(String name) throws Exception {
        ProcessHandle.of(Long.parseLong(Files.readString(checkout.resolve(".stackpulse/pids/" + name)).strip()))
                .orElseThrow().destroy();
        awaitStopped(name);
    }

    @Test
    void servicesListenOnLoopbackAndSecretsAreOwnerOnly() throws Exception {
        fakeCheckout();
        Result first = run("start");
        assertEquals(0, first.code, first.out);
        assertTrue(first.out.contains("• starting catalog-service (127.0.0.1:" + ports.get("catalog")
                + ", management 127.0.0.1:" + ports.get("catalog-management") + ")"), first.out);
        for (String path : new String[] {".stackpulse", ".stackpulse/keys"}) {
            assertEquals("rwx------", mode(checkout.resolve(path)), path);
        }
        assertEquals("rw-------", mode(checkout.resolve(".stackpulse/keys/jwt-private.pem")));
        assertEquals("rw-------", mode(checkout.resolve(".stackpulse/keys/db-password")));
        // durable PostgreSQL (RunModeTest proves what these options give): never the tests' --ephemeral
        List<String> infraArgs = Files.readAllLines(checkout.resolve("infra-args"));
        assertTrue(!infraArgs.contains("--ephemeral") && infraArgs.contains("--app-password-file"), infraArgs.toString());
    }

    @Test
    void startCreatesTheContractTopicsAndWritesWhatDevModeNeeds() throws Exception {
        fakeCheckout();
        Result first = run("start");
        assertEquals(0, first.code, first.out);
        List<String> infraArgs = Files.readAllLines(checkout.resolve("infra-args"));
        Set<String> topics = new TreeSet<>();
        for (String topic : infraArgs.get(infraArgs.indexOf("--topics") + 1).split(",")) {
            topics.add(topic.substring(0, topic.indexOf(':')));
        }
        assertEquals(ProductionSecurityTest.contractTopics(), topics, "--topics of the run script = Topics");

        // the services' %dev profile (quarkus:dev) reads these from .stackpulse/dev.properties
        Path dev = checkout.resolve(".stackpulse/dev.properties");
        assertEquals("rw-------", mode(dev));
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(dev)));
        Map<String, String> written = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> written.put(k, p.getProperty(k)));
        assertEquals(Map.of("stackpulse.dev.postgres-port", ports.get("pg"), "stackpulse.dev.kafka-port", ports.get("kafka"),
                "stackpulse.dev.db-password", "fake-password",
                "stackpulse.dev.jwt-public-key", "file:" + checkout.toAbsolutePath().resolve(".stackpulse/keys/jwt-public.pem")),
                written);
    }

    @Test
    void servicesRunWithTheFlagsOfDeployJvmOptionsUnlessStackpulseJavaOptsReplacesThem() throws Exception {
        fakeCheckout();
        Result first = run("start");
        assertEquals(0, first.code, first.out);
        List<String> flags = JvmOptionsTest.flags();
        for (String service : new String[] {"catalog", "summit", "feed"}) {
            List<String> args = jvmArgs(service);
            assertEquals(flags, args.subList(0, flags.size()), service + ": the flags of deploy/jvm.options");
        }
        run("stop");

        extraEnv = Map.of("STACKPULSE_JAVA_OPTS", "-Xmx64m -XX:+UseSerialGC", "STACKPULSE_CDS", "false");
        Result again = run("start");
        assertEquals(0, again.code, again.out);
        assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC"), jvmArgs("catalog"));
    }

    @Test
    void theFirstStartOfABuildRecordsAClassArchiveThatLaterStartsUse() throws Exception {
        fakeCheckout();
        Path archive = checkout.resolve(".stackpulse/cds/catalog-service.jsa");
        assertEquals(0, run("start").code);
        assertTrue(jvmArgs("catalog").contains("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath()), jvmArgs("catalog").toString());
        run("stop");

        Files.writeString(archive, "the JVM writes this when the service stops");
        assertEquals(0, run("start").code);
        assertTrue(jvmArgs("catalog").contains("-XX:SharedArchiveFile=" + archive.toAbsolutePath()), jvmArgs("catalog").toString());
        run("stop");

        Path jar = checkout.resolve("catalog-service/target/quarkus-app/quarkus-run.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        Files.writeString(archive, "written at the stop after a rebuild under the running service"); // newer than the jar
        assertEquals(0, run("start").code);
        assertTrue(jvmArgs("catalog").contains("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath()), "records anew for the new jar");
        assertTrue(Files.notExists(archive), "the archive of the old build is gone");
    }

    @Test
    void readinessAndTheHealthAndSwaggerUrlsAreOnTheManagementPort() throws Exception {
        fakeCheckout();
        Result first = run("start"); // the fake answers /q/health/ready on the management port only
        assertEquals(0, first.code, first.out);
        for (String service : new String[] {"catalog", "summit", "feed"}) {
            String management = ports.get(service + "-management");
            Map<String, String> env = serviceEnv(service);
            assertEquals(management, env.get("MANAGEMENT_PORT"), service);
            assertEquals("127.0.0.1", env.get("QUARKUS_MANAGEMENT_HOST"), service + ": loopback like the API");
            assertTrue(first.out.contains("Swagger UI http://localhost:" + management + "/q/swagger-ui"), first.out);
        }
        assertTrue(first.out.contains("health, metrics  http://localhost:" + ports.get("catalog-management")
                + "/q/health/ready"), first.out);
        Result status = run("status");
        assertTrue(status.out.contains("catalog-service: running (pid ") && status.out.contains(", ready)"), status.out);
    }

    private Map<String, String> serviceEnv(String service) throws IOException {
        Map<String, String> env = new TreeMap<>();
        for (String line : Files.readAllLines(checkout.resolve("service-env-" + ports.get(service)))) {
            env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return env;
    }

    /** The JVM arguments the service was started with (before -jar). */
    private List<String> jvmArgs(String service) throws IOException {
        List<String> args = Files.readAllLines(checkout.resolve("service-args-" + ports.get(service)));
        return args.subList(0, args.indexOf("-jar"));
    }

    private Map<String, String> extraEnv = Map.of();

    private void fakeCheckout() throws IOException {
        Files.copy(ROOT.resolve("stackpulse"), checkout.resolve("stackpulse"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(checkout.resolve("deploy"));
        Files.copy(ROOT.resolve("deploy/jvm.options"), checkout.resolve("deploy/jvm.options"));
        Files.createDirectories(checkout.resolve("infra/target/lib"));
        for (String service : new String[] {"catalog-service", "summit-service", "feed-service"}) {
            Path jar = checkout.resolve(service + "/target/quarkus-app/quarkus-run.jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "");
        }
        Path ready = checkout.resolve("fake-service/q/health/ready");
        Files.createDirectories(ready.getParent());
        Files.writeString(ready, "{\"status\":\"UP\"}");
        bin = Files.createDirectories(checkout.resolve("bin"));
        try (var java = StackpulseScriptTest.class.getResourceAsStream("/fake-stackpulse/java")) {
            Files.copy(java, bin.resolve("java"));
        }
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(checkout.resolve("fake-api")); // the API port: /q/* answers 404 there
        ports = Map.of("catalog", String.valueOf(freePort()), "summit", String.valueOf(freePort()),
                "feed", String.valueOf(freePort()), "pg", String.valueOf(freePort()),
                "kafka", String.valueOf(freePort()), "controller", String.valueOf(freePort()),
                "catalog-management", String.valueOf(freePort()), "summit-management", String.valueOf(freePort()),
                "feed-management", String.valueOf(freePort()));
    }

    private Map<String, Boolean> status() throws Exception {
        Result status = run("status");
        assertEquals(0, status.code, status.out);
        Map<String, Boolean> running = new java.util.HashMap<>();
        status.out.lines().forEach(line -> {
            String[] parts = line.split(": ", 2);
            running.put(parts[0], parts[1].startsWith("running"));
        });
        return running;
    }

    private void awaitStopped(String name) throws Exception {
        long pid = Long.parseLong(Files.readString(checkout.resolve(".stackpulse/pids/" + name)).strip());
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }

    private Result run(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", checkout.resolve("stackpulse").toString(), command)
                .directory(checkout.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("FAKE_SERVICE_ROOT", checkout.resolve("fake-service").toString());
        env.remove("QUARKUS_HTTP_HOST");
        env.remove("STACKPULSE_DATA");
        env.put("STACKPULSE_CATALOG_PORT", ports.get("catalog"));
        env.put("STACKPULSE_SUMMIT_PORT", ports.get("summit"));
        env.put("STACKPULSE_FEED_PORT", ports.get("feed"));
        env.put("STACKPULSE_CATALOG_MANAGEMENT_PORT", ports.get("catalog-management"));
        env.put("STACKPULSE_SUMMIT_MANAGEMENT_PORT", ports.get("summit-management"));
        env.put("STACKPULSE_FEED_MANAGEMENT_PORT", ports.get("feed-management"));
        env.remove("QUARKUS_MANAGEMENT_HOST");
        env.put("STACKPULSE_PG_PORT", ports.get("pg"));
        env.put("STACKPULSE_KAFKA_PORT", ports.get("kafka"));
        env.put("STACKPULSE_KAFKA_CONTROLLER_PORT", ports.get("controller"));
        env.put("STACKPULSE_READY_TIMEOUT", "20");
        env.remove("STACKPULSE_JAVA_OPTS");
        env.putAll(extraEnv);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stackpulse " + command + " finished");
        return new Result(process.exitValue(), out);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int code, String out) {
    }
}
