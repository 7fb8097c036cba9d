package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Dockerfile packages its own fast-jar, runs it as a non-root user and exposes its HTTP port. */
class DockerfileTest {

    private static List<String> instructions(String service) throws IOException {
        return Files.readAllLines(dockerfile(service)).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Path dockerfile(String service) {
        return ServiceConfig.root().resolve("deploy/docker/" + service + ".Dockerfile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "summit-service", "feed-service"})
    void copiesOnlyItsOwnFastJarAndRunsQuarkusRunJar(String service) throws IOException {
        List<String> lines = instructions(service);
        List<String> copies = lines.stream().filter(l -> l.startsWith("COPY")).toList();
        assertFalse(copies.isEmpty());
        // its own fast-jar, and the JVM flags (JvmOptionsTest)
        copies.forEach(c -> assertTrue(c.contains(" " + service + "/target/quarkus-app/") || c.contains(" deploy/jvm.options "), c));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("quarkus-run.jar")));
        assertTrue(lines.get(0).startsWith("FROM ") && lines.get(0).contains("17"), "a Java 17 runtime image");
        String ignore = Files.readString(Path.of(dockerfile(service) + ".dockerignore"));
        assertTrue(ignore.contains("!" + service + "/target/quarkus-app/"), "build context admits the fast-jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "summit-service", "feed-service"})
    void runsAsTheNonRootUserTheManifestsExpectAndExposesTheHttpPort(String service) throws IOException {
        List<String> lines = instructions(service);
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow().substring(5).strip();
        assertTrue(user.matches("[1-9][0-9]*"), "numeric non-root USER, so runAsNonRoot can verify it: " + user);
        Object runAsUser = Yaml.at(Yaml.podSpec(Overlay.render("production").get("Deployment", service)), "securityContext", "runAsUser");
        assertEquals(Integer.parseInt(user), runAsUser);
        assertTrue(lines.contains("EXPOSE " + ServiceConfig.load(service).httpPort()));
    }
}
