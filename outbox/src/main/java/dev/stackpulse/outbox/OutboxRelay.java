package dev.stackpulse.outbox;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka in commit-position order and marks them sent. Woken right after
 * each commit, and by a timer as a fallback (Kafka down, another replica held the lock).
 *
 * <p>One relay per database at a time: a session-level advisory lock on a connection of its own ({@link RelayLock}).
 * Each batch is claimed in a short transaction, published with no transaction and no pooled connection held while
 * the broker acknowledges, then marked (or deleted) in one statement in a second short transaction. Only the
 * acknowledged prefix is marked, so a failed event and all after it are re-sent in order. Should the lock session
 * die mid-batch, a second relay may re-send that batch: consumers dedupe on the event id, and every copy of an
 * entity's version N+1 still follows a copy of version N (no relay sends N+1 before N is acknowledged).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;
    private final MutinyEmitter<String> emitter;
    private final RelayLock lock;
    private final Tracer tracer;
    private final boolean tracing;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private Instant nextPurge = Instant.MIN;
    private long nextBacklogCount;

    private static final String CLAIM = "SELECT seq, event_id, topic, source, type, subject, entity_version, "
            + "occurred_at, data, traceparent, tracestate FROM outbox_event WHERE published_at IS NULL "
            + "ORDER BY seq LIMIT ?";

    /** A claimed event, detached from the transaction that read it. */
    private record Claimed(long seq, String topic, ChangeEvent event, TraceContext trace) {
    }

    /** Reads a stored {@link TraceContext} as the W3C propagator's carrier. */
    private static final TextMapGetter<TraceContext> STORED = new TextMapGetter<>() {
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

    public OutboxRelay(EntityManager em, OutboxConfig config, OutboxMetrics metrics,
                       @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       MutinyEmitter<String> emitter,
                       @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                       Tracer tracer,
                       @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean tracingOff) {
        this.em = em;
        this.emitter = emitter;
        this.tracer = tracer;
        this.tracing = !tracingOff;
        this.config = config;
        this.metrics = metrics;
        this.lock = new RelayLock(url, user, password);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets the batch in flight finish (published and marked, or left for the next relay), then ends the worker. */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
        Thread current = worker;
        if (current != null) {
            try {
                current.join(config.sendTimeout().plusSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (current.isAlive()) {
                LOG.warn("outbox relay: the batch in flight did not finish in time; its events are re-sent later");
            }
        }
        lock.close();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && publishBatch() == config.batchSize()) {
                    // a full batch: more are waiting, go on without waiting for a wake-up
                }
                purgeWhenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay: %s (will retry)", e.toString());
            }
        }
        lock.close();
    }

    /** Publishes one batch if this relay holds the lock; returns how many were published and marked. */
    int publishBatch() {
        if (!lock.hold()) {
            return 0;
        }
        List<Claimed> batch = QuarkusTransaction.requiringNew().call(this::claim);
        int marked = 0;
        if (!batch.isEmpty()) {
            List<Boolean> acked = send(batch);
            while (marked < batch.size() && acked.get(marked)) {
                marked++;
            }
            if (marked > 0) {
                List<Long> seqs = batch.subList(0, marked).stream().map(Claimed::seq).toList();
                QuarkusTransaction.requiringNew().run(() -> markPublished(seqs));
            }
            if (marked < batch.size()) {
                LOG.warnf("outbox relay: %d of %d events not acknowledged by Kafka; retrying",
                        batch.size() - marked, batch.size());
            }
        }
        metrics.published(marked);
        if (batch.size() < config.batchSize()) {
            // the claim saw every waiting event: what it could not mark is the backlog, without another statement
            List<Claimed> left = batch.subList(marked, batch.size());
            metrics.backlog(left.size(), left.isEmpty() ? null : left.get(0).event().time().toInstant());
        } else if (System.nanoTime() - nextBacklogCount >= 0) {
            // a long backlog drains in many full batches: count it at most once a second, not once per batch
            nextBacklogCount = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            QuarkusTransaction.requiringNew().run(this::measureBacklog);
        }
        return marked;
    }

    /** One statement, both on the partial index of unpublished rows: how many wait and the oldest one's commit time. */
    private void measureBacklog() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), (SELECT occurred_at FROM outbox_event "
                + "WHERE published_at IS NULL ORDER BY seq LIMIT 1) FROM outbox_event WHERE published_at IS NULL")
                .getSingleResult();
        metrics.backlog(((Number) row[0]).longValue(), row[1] == null ? null : toInstant(row[1]));
    }

    private static Instant toInstant(Object time) {
        return time instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : time instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) time;
    }

    /** The oldest unpublished events, read with plain JDBC: no entity is managed or dirty-checked per row. */
    private List<Claimed> claim() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
                select.setInt(1, config.batchSize());
                List<Claimed> claimed = new ArrayList<>(config.batchSize());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ChangeEvent event = new ChangeEvent(rs.getObject(2, UUID.class), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getObject(8, OffsetDateTime.class)
                                .withOffsetSameInstant(ZoneOffset.UTC), rs.getLong(7), rs.getString(9));
                        claimed.add(new Claimed(rs.getLong(1), rs.getString(3), event,
                                TraceContext.of(rs.getString(10), rs.getString(11)).orElse(null)));
                    }
                }
                return claimed;
            }
        });
    }

    /** One statement per batch, by exact positions: a row that committed late inside the range is not touched. */
    private void markPublished(List<Long> seqs) {
        String sql = config.publishedRetention().isZero()
                ? "DELETE FROM outbox_event WHERE seq IN (:seqs)"
                : "UPDATE outbox_event SET published_at = now() WHERE seq IN (:seqs) AND published_at IS NULL";
        em.createNativeQuery(sql).setParameter("seqs", seqs).executeUpdate();
    }

    /** Deletes published events older than the retention, in bounded statements, each in its own transaction. */
    private void purgeWhenDue() {
        if (config.publishedRetention().isZero() || Instant.now().isBefore(nextPurge) || !lock.hold()) {
            return;
        }
        nextPurge = Instant.now().plus(config.purgeInterval());
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event "
                                    + "WHERE published_at < now() - make_interval(secs => :retention) LIMIT :limit)")
                    .setParameter("retention", config.publishedRetention().toMillis() / 1000.0)
                    .setParameter("limit", config.purgeBatchSize())
                    .executeUpdate());
        } while (running && deleted == config.purgeBatchSize());
    }

    private List<Boolean> send(List<Claimed> batch) {
        List<Uni<Boolean>> acks = new ArrayList<>(batch.size());
        for (Claimed claimed : batch) {
            ChangeEvent event = claimed.event();
            Span span = publishSpan(claimed);
            Message<String> message = Message.of(event.data()).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(claimed.topic())
                            .withKey(event.subject())
                            .withHeaders(CloudEventHeaders.write(event, claimed.trace()))
                            .build());
            acks.add(emitter.sendMessage(message).replaceWith(true)
                    .onFailure().recoverWithItem(failure -> {
                        LOG.debugf("publish of %s failed: %s", event.id(), failure.getMessage());
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR, "not acknowledged by Kafka");
                        return false;
                    })
                    .onTermination().invoke(span::end));
        }
        return Uni.join().all(acks).andFailFast().await().atMost(config.sendTimeout().plusSeconds(5));
    }

    /**
     * The produce span, a child of the context stored with the row (the writer's request), not of this thread's:
     * the relay runs long after that request ended, on a thread of its own. A row written untraced starts a trace.
     */
    private Span publishSpan(Claimed claimed) {
        if (!tracing) {
            return Span.getInvalid(); // a disabled SDK still builds (and drops) every span: a tenth of the relay's CPU
        }
        Context parent = claimed.trace() == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), claimed.trace(), STORED);
        return tracer.spanBuilder("publish " + claimed.topic()).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", claimed.topic())
                .setAttribute("messaging.message.id", claimed.event().id().toString())
                .setAttribute("messaging.kafka.message.key", claimed.event().subject())
                .setAttribute("cloudevents.event_type", claimed.event().type())
                .startSpan();
    }
}
