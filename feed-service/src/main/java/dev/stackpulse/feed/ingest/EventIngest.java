package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.InvalidCloudEventException;
import dev.stackpulse.events.TraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final Tracer tracer;

    public EventIngest(EventStore store, DeadLetters deadLetters, RecordCheck check, MeterRegistry registry,
                       Tracer tracer) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.check = check;
        this.registry = registry;
        this.tracer = tracer;
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

    /** A record that passed the checks, with the event read from it and its ingest span. */
    private record Checked(ConsumerRecord<byte[], byte[]> record, ChangeEvent event, Span span) {
    }

    /** One poll's records: the refused ones dead-lettered, the valid ones stored in one transaction, in order. */
    private void ingest(ConsumerRecords<byte[], byte[]> records) {
        List<Checked> valid = new ArrayList<>(records.count());
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                Span span = ingestSpan(record);
                // Not made current for the check (which logs nothing): making a span current rewrites the MDC.
                try {
                    valid.add(new Checked(record, check.check(record), span));
                } catch (InvalidCloudEventException | IllegalArgumentException e) {
                    try (Scope ignored = span.makeCurrent()) {
                        deadLetters.refuse(record, e.getMessage());
                    }
                    span.setAttribute(OUTCOME, "dead-lettered").setStatus(StatusCode.ERROR, e.getMessage()).end();
                }
            }
            List<ChangeEvent> events = valid.stream().map(Checked::event).toList();
            List<String> traces = valid.stream().map(one -> traceParent(one.span())).toList();
            try {
                count(valid, store.storeAll(events, traces));
            } catch (EventStore.RejectedByDatabase batchRefused) {
                // Find the record the database refused: one transaction each, in order, for this batch only.
                for (Checked one : valid) {
                    try {
                        List<String> trace = Collections.singletonList(traceParent(one.span()));
                        count(List.of(one), store.storeAll(List.of(one.event()), trace));
                    } catch (EventStore.RejectedByDatabase refused) {
                        try (Scope ignored = one.span().makeCurrent()) {
                            deadLetters.refuse(one.record(), refused.getMessage());
                        }
                        one.span().setAttribute(OUTCOME, "dead-lettered")
                                .setStatus(StatusCode.ERROR, refused.getMessage());
                    }
                }
            }
        } finally {
            // Each record's span covers its check and the batch's commit (or the failure that makes Kafka redeliver).
            valid.forEach(one -> one.span().end());
        }
    }

    /**
     * One span per record, a child of the context the CloudEvent carries (ce_traceparent: the writer's request), so
     * each change's trace goes on into the feed even though a poll mixes many traces. A record without a valid
     * context starts a trace of its own.
     */
    private Span ingestSpan(ConsumerRecord<byte[], byte[]> record) {
        Context parent = CloudEventHeaders.traceContext(record.headers())
                .map(trace -> W3CTraceContextPropagator.getInstance().extract(Context.root(), trace, TRACE_CONTEXT))
                .orElse(Context.root());
        return tracer.spanBuilder("process " + record.topic()).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }

    /** The span's W3C traceparent as the propagator writes it, stored with the entry; null when not recorded. */
    private static String traceParent(Span span) {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get("traceparent");
    }

    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("stackpulse.ingest.outcome");

    /** Reads an event's {@link TraceContext} as the W3C propagator's carrier. */
    private static final TextMapGetter<TraceContext> TRACE_CONTEXT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContext carrier, String key) {
            return carrier == null ? null : "traceparent".equals(key) ? carrier.traceparent()
                    : "tracestate".equals(key) ? carrier.tracestate() : null;
        }
    };

    private void count(List<Checked> checked, List<EventStore.Outcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            String outcome = outcomes.get(i).name().toLowerCase(Locale.ROOT);
            registry.counter("feed.events.ingested", "source", checked.get(i).event().source(),
                    "outcome", outcome).increment();
            checked.get(i).span().setAttribute(OUTCOME, outcome)
                    .setAttribute("messaging.message.id", checked.get(i).event().id().toString());
        }
    }
}
