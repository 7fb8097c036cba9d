package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.ChangeEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;

/** Stores events once, with positions assigned in commit order, and keeps each entity's latest state. */
@ApplicationScoped
public class EventStore {

    /** NOTIFY channel: delivered on commit to every replica's listener, which wakes its live streams. */
    public static final String CHANNEL = "feed_entry";

    /**
     * Serializes position assignment: the lock is held until the transaction ends, and PostgreSQL makes a commit
     * visible before it releases the transaction's locks, so position N is visible before N+1 is even assigned.
     * A reader following the cursor therefore never sees a higher position while a lower one is still in flight.
     */
    private static final long POSITION_LOCK = 0x5354_4b50_4645L; // "STKPFE"

    /** What happened to one delivered event. */
    public enum Outcome {
        /** New, and the entity's latest state now. */
        STORED,
        /** New, but older than (or as old as) the entity's stored version: history only. */
        STALE,
        /** Already stored (redelivery): nothing changed. */
        DUPLICATE
    }

    private final EntityManager em;

    public EventStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores a batch in one transaction (one lock, one commit, one NOTIFY: the per-event cost is the inserts
     * alone). Each attempt is its own transaction; while the database is away the batch is retried, and since
     * storing is idempotent a retried batch changes nothing twice.
     */
    @Retry(maxRetries = -1, delay = 500, maxDuration = 1, durationUnit = ChronoUnit.DAYS)
    public List<Outcome> storeAll(List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, POSITION_LOCK)
                    .getSingleResult();
            List<Outcome> outcomes = new ArrayList<>(events.size());
            long head = -1;
            for (ChangeEvent event : events) {
                Stored stored = storeOne(event);
                outcomes.add(stored.outcome());
                head = Math.max(head, stored.position());
            }
            if (head >= 0) {
                em.createNativeQuery("SELECT pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                        .setParameter(2, Long.toString(head)).getSingleResult();
            }
            return outcomes;
        });
    }

    /** Where one event went: its position (-1 for a redelivery) and what it did. */
    private record Stored(long position, Outcome outcome) {
    }

    private Stored storeOne(ChangeEvent event) {
        boolean stale = isStale(event);
        List<?> inserted = em.createNativeQuery("""
                        INSERT INTO feed_entry (event_id, source, type, subject, entity_version, event_time, data, stale)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8)
                        ON CONFLICT (source, event_id) DO NOTHING
                        RETURNING position""")
                .setParameter(1, event.id())
                .setParameter(2, event.source())
                .setParameter(3, event.type())
                .setParameter(4, event.subject())
                .setParameter(5, event.entityVersion())
                .setParameter(6, event.time())
                .setParameter(7, event.data())
                .setParameter(8, stale)
                .getResultList();
        if (inserted.isEmpty()) {
            return new Stored(-1, Outcome.DUPLICATE);
        }
        long position = ((Number) inserted.get(0)).longValue();
        if (stale) {
            return new Stored(position, Outcome.STALE);
        }
        applyLatest(event, position);
        return new Stored(position, Outcome.STORED);
    }

    private boolean isStale(ChangeEvent event) {
        List<?> current = em.createNativeQuery("SELECT version FROM feed_entity WHERE source = ?1 AND subject = ?2")
                .setParameter(1, event.source()).setParameter(2, event.subject()).getResultList();
        return !current.isEmpty() && ((Number) current.get(0)).longValue() >= event.entityVersion();
    }

    private void applyLatest(ChangeEvent event, long position) {
        em.createNativeQuery("""
                        INSERT INTO feed_entity (source, subject, version, type, event_id, event_time, position, deleted, data)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb))
                        ON CONFLICT (source, subject) DO UPDATE SET version = EXCLUDED.version, type = EXCLUDED.type,
                            event_id = EXCLUDED.event_id, event_time = EXCLUDED.event_time,
                            position = EXCLUDED.position, deleted = EXCLUDED.deleted, data = EXCLUDED.data
                        WHERE feed_entity.version < EXCLUDED.version""")
                .setParameter(1, event.source())
                .setParameter(2, event.subject())
                .setParameter(3, event.entityVersion())
                .setParameter(4, event.type())
                .setParameter(5, event.id())
                .setParameter(6, event.time())
                .setParameter(7, position)
                .setParameter(8, event.type().endsWith(".deleted"))
                .setParameter(9, event.data())
                .executeUpdate();
    }
}
