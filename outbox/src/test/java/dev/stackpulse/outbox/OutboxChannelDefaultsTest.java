package dev.stackpulse.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The producer settings of channel "outbox" come from this module's META-INF/microprofile-config.properties, so a
 * service that uses the outbox sets only its service name and topic (the module's test application sets no more).
 */
@QuarkusTest
class OutboxChannelDefaultsTest {

    private static final String CHANNEL = "mp.messaging.outgoing.outbox.";

    @Inject
    SmallRyeConfig config;

    @Test
    void theOutboxModuleConfiguresTheProducerOfItsChannel() {
        List<String> settings = List.of("connector", "key.serializer", "value.serializer", "cloud-events", "acks",
                "enable.idempotence", "linger.ms", "max.block.ms", "request.timeout.ms", "delivery.timeout.ms",
                "tracing-enabled", "topic");
        String elsewhere = settings.stream()
                .filter(name -> !String.valueOf(config.getConfigValue(CHANNEL + name).getSourceName())
                        .contains("META-INF/microprofile-config.properties"))
                .map(name -> CHANNEL + name + " from " + config.getConfigValue(CHANNEL + name).getSourceName())
                .collect(Collectors.joining(", "));
        assertTrue(elsewhere.isEmpty(), "not set by the outbox module: " + elsewhere);
        assertEquals("all", config.getValue(CHANNEL + "acks", String.class));
        assertEquals("true", config.getValue(CHANNEL + "enable.idempotence", String.class));
    }

    @Test
    void theChannelsTopicIsTheOneTheServiceNames() {
        assertEquals(config.getValue("stackpulse.outbox.topic", String.class),
                config.getValue(CHANNEL + "topic", String.class));
    }
}
