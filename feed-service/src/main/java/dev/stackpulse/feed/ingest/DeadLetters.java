package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.Rfc3339;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Counts refused records (Micrometer {@code feed.dead.lettered}) and remembers them in the database, so
 * /feed/stats gives the same count on every replica, and sends the record, byte for byte, to feed.dead-letter with
 * the reason in the {@code dead-letter-reason} header. A publish that keeps failing never stops the consumer: it is
 * retried a bounded number of times, then only recorded, and readiness reports it ({@link DeadLetterHealth}).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** The last publish that failed for good: what and when, for the health check. */
    public record PublishFailure(Instant at, String record, String error) {
    }

    private final EntityManager em;
    private final MeterRegistry registry;
    private final MutinyEmitter<byte[]> topic;
    private final Guard publishRetry;
    private final Duration failureWindow;
    private final AtomicReference<PublishFailure> lastFailure = new AtomicReference<>();

    public DeadLetters(EntityManager em, MeterRegistry registry, IngestConfig config,
                       @Channel("dead-letters") MutinyEmitter<byte[]> topic) {
        this.em = em;
        this.registry = registry;
        this.topic = topic;
        IngestConfig.DeadLetter settings = config.deadLetter();
        this.failureWindow = settings.failureWindow();
        this.publishRetry = Guard.create().withDescription("feed ingest: dead-letter publish")
                .withRetry().maxRetries(Math.max(0, settings.publishAttempts() - 1))
                .delay(settings.publishDelay().toMillis(), ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .withExponentialBackoff().done().done().build();
    }

    /** Records, counts and publishes one refused record; never throws for a failed publish. */
    public void refuse(ConsumerRecord<byte[], byte[]> record, String reason) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        LOG.warnf("dead-lettering %s: %s", where, reason);
        registry.counter("feed.dead.lettered", "topic", record.topic()).increment();
        String stored = reason;
        try {
            publishRetry.get(() -> {
                publish(record, reason);
                return null;
            }, Object.class);
            lastFailure.set(null);
        } catch (RuntimeException e) {
            LOG.errorf("could not publish %s to the dead-letter topic: %s", where, e.getMessage());
            registry.counter("feed.dead.letter.publish.failed", "topic", record.topic()).increment();
            lastFailure.set(new PublishFailure(Rfc3339.now().toInstant(), where, String.valueOf(e.getMessage())));
            stored = reason + " (not published to the dead-letter topic: " + e.getMessage() + ")";
        }
        try {
            record(record, stored);
        } catch (RuntimeException dbDown) {
            LOG.warnf("could not record the dead letter in the database: %s", dbDown.getMessage());
        }
    }

    /** The last failed publish, while it is recent and no publish has succeeded since. */
    public Optional<PublishFailure> recentPublishFailure() {
        PublishFailure failure = lastFailure.get();
        return failure != null && failure.at().plus(failureWindow).isAfter(Instant.now())
                ? Optional.of(failure) : Optional.empty();
    }

    /**
     * Sends the record to feed.dead-letter with the same headers SmallRye's dead-letter strategy writes, and waits
     * for the broker: the batch's offsets are committed only after.
     */
    private void publish(ConsumerRecord<byte[], byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        Message<byte[]> message = Message.of(record.value() == null ? new byte[0] : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<byte[]>builder().withKey(record.key())
                        .withHeaders(headers).build());
        topic.sendMessageAndAwait(message);
    }

    private static byte[] bytes(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }

    @Transactional
    void record(ConsumerRecord<?, ?> record, String reason) {
        em.createNativeQuery("""
                        INSERT INTO feed_dead_letter (topic, kafka_partition, kafka_offset, reason)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, record.topic())
                .setParameter(2, record.partition())
                .setParameter(3, record.offset())
                .setParameter(4, reason)
                .executeUpdate();
    }

    @Transactional
    public long count() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM feed_dead_letter").getSingleResult()).longValue();
    }
}
