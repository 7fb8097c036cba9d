package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.ChangeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

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

    /** The caller retries while the database is away. */
    @Transactional
    public Outcome store(ChangeEvent event) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, POSITION_LOCK).getSingleResult();
        boolean stale = isStale(event);
        int inserted = em.createNativeQuery("""
                        INSERT INTO feed_entry (event_id, source, type, subject, entity_version, event_time, data, stale)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8)
                        ON CONFLICT (source, event_id) DO NOTHING""")
                .setParameter(1, event.id())
                .setParameter(2, event.source())
                .setParameter(3, event.type())
                .setParameter(4, event.subject())
                .setParameter(5, event.entityVersion())
                .setParameter(6, event.time())
                .setParameter(7, event.data())
                .setParameter(8, stale)
                .executeUpdate();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        long position = ((Number) em.createNativeQuery(
                        "SELECT position FROM feed_entry WHERE source = ?1 AND event_id = ?2")
                .setParameter(1, event.source()).setParameter(2, event.id()).getSingleResult()).longValue();
        if (!stale) {
            applyLatest(event, position);
        }
        em.createNativeQuery("SELECT pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                .setParameter(2, Long.toString(position)).getSingleResult();
        return stale ? Outcome.STALE : Outcome.STORED;
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
