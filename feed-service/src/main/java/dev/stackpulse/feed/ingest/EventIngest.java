package dev.stackpulse.feed.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.InvalidCloudEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes both event topics. A record that breaks the contract is refused (dead-letter topic, reason in
 * headers); a valid one is stored once. The offset is committed only after the method returns, i.e. after the
 * database commit; while the database is away the record is retried, never dead-lettered.
 */
@ApplicationScoped
public class EventIngest {

    private final EventStore store;
    private final ObjectMapper mapper;

    public EventIngest(EventStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Incoming("catalog-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 1, durationUnit = ChronoUnit.DAYS,
            abortOn = InvalidCloudEventException.class)
    public void fromCatalog(ConsumerRecord<String, String> record) {
        store.store(validate(record));
    }

    @Incoming("summit-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 1, durationUnit = ChronoUnit.DAYS,
            abortOn = InvalidCloudEventException.class)
    public void fromSummit(ConsumerRecord<String, String> record) {
        store.store(validate(record));
    }

    private ChangeEvent validate(ConsumerRecord<String, String> record) {
        ChangeEvent event = CloudEventHeaders.read(record.headers(), record.value());
        try {
            mapper.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new InvalidCloudEventException("data is not JSON");
        }
        return event;
    }
}
