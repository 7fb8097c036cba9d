package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' JVM flags live in one file, deploy/jvm.options: the images run with it and the manifests add no JVM
 * flags of their own (./stackpulse reading it is StackpulseScriptTest's), so the flags the RSS was measured with are
 * the flags that run everywhere.
 */
class JvmOptionsTest {

    /** Where the images put the file; the ENTRYPOINT passes it to java as an argument file. */
    private static final String IMAGE_PATH = "/deployments/jvm.options";
    /** Environment variables a JVM or an entrypoint reads flags from. */
    private static final List<String> FLAG_VARIABLES = List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    static List<String> lines() throws IOException {
        return Files.readAllLines(ServiceConfig.root().resolve("deploy/jvm.options"));
    }

    /** The flags of deploy/jvm.options, without its comment lines. */
    static List<String> flags() throws IOException {
        List<String> flagLines = lines().stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals(1, flagLines.size(), "deploy/jvm.options holds one line of flags: " + flagLines);
        return Arrays.asList(flagLines.get(0).split("\\s+"));
    }

    @Test
    void oneLineOfFlagsEachExplainedInAComment() throws IOException {
        List<String> comments = lines().stream().map(String::strip).filter(l -> l.startsWith("#")).toList();
        for (String flag : flags()) {
            assertTrue(flag.startsWith("-"), "a JVM flag: " + flag);
            String name = flag.replaceFirst("^-XX:[+-]?", "").replaceFirst("[=].*$", "").replaceFirst("^(-Xm[sx]|-Xss).*", "$1");
            assertTrue(comments.stream().anyMatch(c -> c.contains(name)), "a comment line says why " + flag);
        }
        assertTrue(flags().stream().anyMatch(f -> f.startsWith("-Xmx")), "the heap is capped (the memory limits rely on it)");
        assertTrue(flags().contains("-XX:+ExitOnOutOfMemoryError"), "an exhausted heap restarts the process");
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "summit-service", "feed-service"})
    void imagesPassTheFileToJavaBeforeJavaOpts(String service) throws IOException {
        Path dockerfile = ServiceConfig.root().resolve("deploy/docker/" + service + ".Dockerfile");
        List<String> lines = Files.readAllLines(dockerfile).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY") && l.matches(".* deploy/jvm\\.options " + IMAGE_PATH)),
                "copies deploy/jvm.options to " + IMAGE_PATH);
        String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).reduce((a, b) -> b).orElseThrow();
        int file = entrypoint.indexOf("java @" + IMAGE_PATH + " ");
        assertTrue(file > 0, "java reads the flags from the file: " + entrypoint);
        assertTrue(file < entrypoint.indexOf("$JAVA_OPTS") && entrypoint.indexOf("$JAVA_OPTS") < entrypoint.indexOf("-jar"),
                "JAVA_OPTS comes after the file, so it can add or override flags: " + entrypoint);
        lines.stream().filter(l -> l.startsWith("ENV JAVA_OPTS")).forEach(l -> assertFalse(l.contains("-X"),
                "no JVM flags outside deploy/jvm.options: " + l));
        String ignore = Files.readString(Path.of(dockerfile + ".dockerignore"));
        assertTrue(ignore.lines().anyMatch("!deploy/jvm.options"::equals), "build context admits deploy/jvm.options");
    }

    static Stream<Arguments> overlaysAndServices() {
        return ManifestAgreementTest.overlaysAndServices();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void manifestsAddNoJvmFlagsAndLeaveRoomAboveTheHeap(String overlay, String service) throws IOException {
        Map<String, Object> container = ManifestAgreementTest.container(Overlay.render(overlay).get("Deployment", service));
        Map<String, Map<String, Object>> env = ManifestAgreementTest.env(container);
        for (String variable : FLAG_VARIABLES) {
            Object value = env.containsKey(variable) ? env.get(variable).get("value") : null;
            assertFalse(value != null && value.toString().contains("-X"),
                    variable + " sets JVM flags that belong in deploy/jvm.options: " + value);
        }
        long heapMiB = flags().stream().filter(f -> f.startsWith("-Xmx")).map(f -> mebibytes(f.substring(4)))
                .findFirst().orElseThrow();
        long limitMiB = mebibytes(String.valueOf(Yaml.at(container, "resources", "limits", "memory")));
        // RSS after load is the heap plus ~150 MiB (metaspace, code, threads, buffers; deploy/README.md)
        assertTrue(limitMiB >= heapMiB + 150, "memory limit " + limitMiB + " MiB leaves room above the " + heapMiB + " MiB heap");
    }

    private static long mebibytes(String size) {
        String s = size.strip();
        if (s.endsWith("Mi")) {
            return Long.parseLong(s.substring(0, s.length() - 2));
        }
        if (s.endsWith("Gi")) {
            return Long.parseLong(s.substring(0, s.length() - 2)) * 1024;
        }
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (unit) {
            case 'm' -> n;
            case 'g' -> n * 1024;
            default -> throw new AssertionError("unexpected size " + size);
        };
    }
}
