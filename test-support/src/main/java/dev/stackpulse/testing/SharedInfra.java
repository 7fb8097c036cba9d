package dev.stackpulse.testing;

import java.util.List;

/** The one infrastructure and token signer of a test JVM (test-only state; the launcher dies with the JVM). */
public final class SharedInfra {

    private static LocalInfraProcess infra;
    private static TestTokens tokens;

    private SharedInfra() {
    }

    /** Starts (once per JVM) the infrastructure with these databases, or returns the running one. */
    public static synchronized LocalInfraProcess infra(List<String> databases) {
        if (infra == null) {
            infra = LocalInfraProcess.start(databases, InfraTestResource.TOPICS);
            LocalInfraProcess started = infra;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-infra-stop"));
        }
        return infra;
    }

    /** The running infrastructure, for tests that read topics or inject faults. */
    public static synchronized LocalInfraProcess infra() {
        if (infra == null) {
            throw new IllegalStateException("no infrastructure: annotate a test with @WithTestResource(InfraTestResource.class)");
        }
        return infra;
    }

    public static synchronized TestTokens tokens() {
        if (tokens == null) {
            tokens = new TestTokens();
        }
        return tokens;
    }
}
