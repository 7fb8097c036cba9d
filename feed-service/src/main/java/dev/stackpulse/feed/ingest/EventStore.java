package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.ChangeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Stores events once, with positions assigned in commit order. */
@ApplicationScoped
public class EventStore {

    /** Serializes position assignment: a reader never sees a higher position commit before a lower one. */
    private static final long POSITION_LOCK = 0x5354_4b50_4645L; // "STKPFE"

    private final EntityManager em;

    public EventStore(EntityManager em) {
        this.em = em;
    }

    /** Returns true when stored, false when it was a redelivery. The caller retries while the database is away. */
    @Transactional
    public boolean store(ChangeEvent event) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, POSITION_LOCK).getSingleResult();
        int inserted = em.createNativeQuery("""
                        INSERT INTO feed_entry (event_id, source, type, subject, entity_version, event_time, data)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb))
                        ON CONFLICT (source, event_id) DO NOTHING""")
                .setParameter(1, event.id())
                .setParameter(2, event.source())
                .setParameter(3, event.type())
                .setParameter(4, event.subject())
                .setParameter(5, event.entityVersion())
                .setParameter(6, event.time())
                .setParameter(7, event.data())
                .executeUpdate();
        return inserted == 1;
    }
}
