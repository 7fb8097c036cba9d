package dev.stackpulse.testing;

import dev.stackpulse.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL database and a real Kafka broker (started once per test JVM by
 * the infra launcher) and a JWT verification key whose private half signs {@link TestTokens}.
 * Init arg {@code database}: the database name the service under test uses.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    /** Topics with several partitions, as in production, plus the dead-letter topic. */
    public static final String TOPICS = Topics.CATALOG + ":3," + Topics.SUMMIT + ":3," + Topics.DEAD_LETTER + ":1";

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalInfraProcess infra = SharedInfra.infra(List.of(database));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
        config.put("quarkus.datasource.username", "stackpulse");
        config.put("quarkus.datasource.password", "stackpulse");
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", SharedInfra.tokens().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        return config;
    }

    @Override
    public void stop() {
        // The infrastructure lives as long as the test JVM: other test profiles reuse it.
    }
}
