package dev.stackpulse.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stackpulse.testing.LocalInfraProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each packaged service's OpenAPI document passes Redocly CLI's lint (tools/openapi-lint: the pinned version and
 * the ruleset, redocly.yaml). The linter is installed with {@code npm ci} into system-tests/target/openapi-lint
 * once (again when the committed lock file changes); node and npm must be on PATH.
 */
class OpenApiLintTest {

    private static final Path TOOL = LocalInfraProcess.projectRoot().resolve("tools/openapi-lint");
    private static final Path CACHE = LocalInfraProcess.projectRoot().resolve("system-tests/target/openapi-lint");

    static List<String> services() {
        return OpenApiDocuments.services();
    }

    @ParameterizedTest
    @MethodSource("services")
    void theServicesOpenApiDocumentHasNoLintError(String service) throws Exception {
        Path linter = installedLinter();
        OpenApiDocuments.Document document = OpenApiDocuments.all().get(service);
        Result lint = run(CACHE, 180, "node", linter.toString(), "lint", "--config", TOOL.resolve("redocly.yaml").toString(),
                "--format=stylish", document.file().toString());
        assertEquals(0, lint.code, "redocly lint " + document.file() + " (ruleset tools/openapi-lint/redocly.yaml) "
                + "found errors in " + service + "'s /q/openapi:\n" + lint.output);
    }

    /** Redocly CLI from the committed lock file, installed once into target/. */
    private static synchronized Path installedLinter() throws Exception {
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                fail(tool + " is not on PATH: the OpenAPI lint needs Node.js 20.19+ and npm "
                        + "(Debian/Ubuntu: apt-get install nodejs npm; .ci/run installs them when missing)");
            }
        }
        Files.createDirectories(CACHE);
        Result version = run(CACHE, 30, "node", "--version");
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version.output);
        if (!v.find() || Integer.parseInt(v.group(1)) * 100 + Integer.parseInt(v.group(2)) < 2019) {
            fail("Redocly CLI 2 needs Node.js 20.19 or later; node --version says " + version.output.strip()
                    + " (Debian 12's nodejs is 18: install a newer Node.js, e.g. from NodeSource)");
        }
        Path cli = CACHE.resolve("node_modules/@redocly/cli/bin/cli.js");
        Path lock = CACHE.resolve("package-lock.json");
        boolean current = Files.exists(cli) && Files.exists(lock)
                && Files.mismatch(lock, TOOL.resolve("package-lock.json")) == -1;
        if (!current) {
            Files.copy(TOOL.resolve("package.json"), CACHE.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(TOOL.resolve("package-lock.json"), lock, StandardCopyOption.REPLACE_EXISTING);
            Result install = run(CACHE, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertEquals(0, install.code, "npm ci of tools/openapi-lint failed:\n" + install.output);
            assertTrue(Files.exists(cli), "npm ci did not install " + cli);
        }
        return cli;
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(CACHE.getParent(), "openapi-lint", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // no usage report to Redocly, no update notice, no colour codes in the assertion message
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            // without the boxed Node.js end-of-life notice Redocly CLI prints on Node 20
            String output = Files.readString(log, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.matches("\\s*[╔║╚].*")).collect(Collectors.joining("\n"));
            return new Result(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
