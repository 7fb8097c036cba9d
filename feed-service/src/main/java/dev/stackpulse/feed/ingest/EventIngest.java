package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.ChangeEvent;
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

/**
 * Consumes both event topics a poll at a time, as raw bytes (so invalid UTF-8 is seen, not replaced). A record that
 * breaks the contract, is too large, or comes from a source or with a type its topic does not accept is refused
 * (dead-letter topic, reason in headers, counted); the valid ones are stored once, in one transaction per poll. If
 * the database refuses that batch's data, each record is stored in a transaction of its own and only the refused
 * one is dead-lettered. Offsets are committed only after the method returns, i.e. after the database commit; a
 * transient database failure is retried (bounded), never dead-lettered.
 */
@ApplicationScoped
public class EventIngest {

    private final EventStore store;
    private final DeadLetters deadLetters;
    private final RecordCheck check;
    private final MeterRegistry registry;

    public EventIngest(EventStore store, DeadLetters deadLetters, RecordCheck check, MeterRegistry registry) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.check = check;
        this.registry = registry;
    }

    @Incoming("catalog-events")
    @Blocking
    public void fromCatalog(ConsumerRecords<byte[], byte[]> records) {
        ingest(records);
    }

    @Incoming("summit-events")
    @Blocking
    public void fromSummit(ConsumerRecords<byte[], byte[]> records) {
        ingest(records);
    }

    /** A record that passed the checks, with the event read from it. */
    private record Checked(ConsumerRecord<byte[], byte[]> record, ChangeEvent event) {
    }

    /** One poll's records: the refused ones dead-lettered, the valid ones stored in one transaction, in order. */
    private void ingest(ConsumerRecords<byte[], byte[]> records) {
        List<Checked> valid = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                valid.add(new Checked(record, check.check(record)));
            } catch (InvalidCloudEventException | IllegalArgumentException e) {
                deadLetters.refuse(record, e.getMessage());
            }
        }
        List<ChangeEvent> events = valid.stream().map(Checked::event).toList();
        try {
            count(events, store.storeAll(events));
        } catch (EventStore.RejectedByDatabase batchRefused) {
            // Find the record the database refused: one transaction each, in order, for this batch only.
            for (Checked one : valid) {
                try {
                    count(List.of(one.event()), store.storeAll(List.of(one.event())));
                } catch (EventStore.RejectedByDatabase refused) {
                    deadLetters.refuse(one.record(), refused.getMessage());
                }
            }
        }
    }

    private void count(List<ChangeEvent> events, List<EventStore.Outcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            registry.counter("feed.events.ingested", "source", events.get(i).source(),
                    "outcome", outcomes.get(i).name().toLowerCase(Locale.ROOT)).increment();
        }
    }
}
