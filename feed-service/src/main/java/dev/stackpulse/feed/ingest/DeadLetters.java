package dev.stackpulse.feed.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Counts refused records (Micrometer {@code feed.dead.lettered}) and remembers them in the database, so
 * /feed/stats gives the same count on every replica, and sends the record to feed.dead-letter with the reason
 * in the {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final EntityManager em;
    private final MeterRegistry registry;
    private final MutinyEmitter<String> topic;

    public DeadLetters(EntityManager em, MeterRegistry registry, @Channel("dead-letters") MutinyEmitter<String> topic) {
        this.em = em;
        this.registry = registry;
        this.topic = topic;
    }

    /**
     * Sends the record to feed.dead-letter with the same headers SmallRye's dead-letter strategy writes, and waits
     * for the broker: the batch's offsets are committed only after.
     */
    public void publish(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        Message<String> message = Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(headers).build());
        topic.sendMessageAndAwait(message);
    }

    private static byte[] bytes(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }

    @Transactional
    public void record(ConsumerRecord<?, ?> record, String reason) {
        registry.counter("feed.dead.lettered", "topic", record.topic()).increment();
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
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
