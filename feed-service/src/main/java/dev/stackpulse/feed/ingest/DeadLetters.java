package dev.stackpulse.feed.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Counts refused records (Micrometer {@code feed.dead.lettered}) and remembers them in the database, so
 * /feed/stats gives the same count on every replica. The record itself goes to feed.dead-letter through the
 * channel's dead-letter-queue failure strategy (reason in the {@code dead-letter-reason} header).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final EntityManager em;
    private final MeterRegistry registry;

    public DeadLetters(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.registry = registry;
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
