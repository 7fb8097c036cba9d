package dev.stackpulse.feed.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.InvalidCloudEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes both event topics. A record that breaks the contract is refused (dead-letter topic, reason in
 * headers, counted); a valid one is stored once. The offset is committed only after the method returns, i.e.
 * after the database commit; while the database is away the record is retried, never dead-lettered.
 */
@ApplicationScoped
public class EventIngest {

    private static final Logger LOG = Logger.getLogger(EventIngest.class);

    private final EventStore store;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public EventIngest(EventStore store, DeadLetters deadLetters, ObjectMapper mapper, MeterRegistry registry) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.registry = registry;
    }

    @Incoming("catalog-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 1, durationUnit = ChronoUnit.DAYS,
            abortOn = InvalidCloudEventException.class)
    public void fromCatalog(ConsumerRecord<String, String> record) {
        ingest(record);
    }

    @Incoming("summit-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 1, durationUnit = ChronoUnit.DAYS,
            abortOn = InvalidCloudEventException.class)
    public void fromSummit(ConsumerRecord<String, String> record) {
        ingest(record);
    }

    private void ingest(ConsumerRecord<String, String> record) {
        ChangeEvent event = validate(record);
        EventStore.Outcome outcome = store.store(event);
        registry.counter("feed.events.ingested", "source", event.source(),
                "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    private ChangeEvent validate(ConsumerRecord<String, String> record) {
        try {
            ChangeEvent event = CloudEventHeaders.read(record.headers(), record.value());
            requireJson(event.data());
            return event;
        } catch (InvalidCloudEventException | IllegalArgumentException e) {
            String reason = e.getMessage();
            try {
                deadLetters.record(record, reason);
            } catch (RuntimeException dbDown) {
                LOG.warnf("could not record the dead letter in the database: %s", dbDown.getMessage());
            }
            // Thrown (not retried): the channel's failure strategy sends the record to feed.dead-letter.
            throw e instanceof InvalidCloudEventException invalid ? invalid : new InvalidCloudEventException(reason);
        }
    }

    private void requireJson(String data) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = mapper.readTree(data);
            if (node == null || node.isMissingNode()) {
                throw new InvalidCloudEventException("data is empty, not JSON");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidCloudEventException("data is not JSON");
        }
    }
}
