package dev.stackpulse.feed.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.InvalidCloudEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes both event topics a poll at a time. A record that breaks the contract is refused (dead-letter topic,
 * reason in headers, counted); the valid ones are stored once, in one transaction per poll. Offsets are committed
 * only after the method returns, i.e. after the database commit; while the database is away the batch is
 * retried, never dead-lettered.
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
    public void fromCatalog(ConsumerRecords<String, String> records) {
        ingest(records);
    }

    @Incoming("summit-events")
    @Blocking
    public void fromSummit(ConsumerRecords<String, String> records) {
        ingest(records);
    }

    /** One poll's records: the refused ones dead-lettered, the valid ones stored in one transaction, in order. */
    private void ingest(ConsumerRecords<String, String> records) {
        List<ChangeEvent> valid = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            ChangeEvent event = validOrDeadLetter(record);
            if (event != null) {
                valid.add(event);
            }
        }
        List<EventStore.Outcome> outcomes = store.storeAll(valid);
        for (int i = 0; i < outcomes.size(); i++) {
            registry.counter("feed.events.ingested", "source", valid.get(i).source(),
                    "outcome", outcomes.get(i).name().toLowerCase(Locale.ROOT)).increment();
        }
    }

    private ChangeEvent validOrDeadLetter(ConsumerRecord<String, String> record) {
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
            deadLetters.publish(record, reason);
            return null;
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
