package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.ChangeEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

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

    /** The database refused the data of a batch (not a transient failure): retrying it would change nothing. */
    public static class RejectedByDatabase extends RuntimeException {
        RejectedByDatabase(Throwable cause) {
            super(Failures.reason(cause), cause);
        }
    }

    private static final Logger LOG = Logger.getLogger(EventStore.class);

    private final EntityManager em;
    private final Guard transientRetry;

    public EventStore(EntityManager em, IngestConfig config) {
        this.em = em;
        IngestConfig.TransientRetry retry = config.transientRetry();
        this.transientRetry = Guard.create().withDescription("feed ingest: transient database failures")
                .withRetry().maxRetries(-1).maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .delay(retry.delay().toMillis(), ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .whenException(Failures::isTransient)
                .beforeRetry(failure -> LOG.warnf("database unavailable, retrying the batch: %s", failure.getMessage()))
                .withExponentialBackoff().maxDelay(retry.maxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .done().build();
    }

    /**
     * Stores a batch in one transaction (one lock, one commit, one NOTIFY: the per-event cost is the inserts
     * alone). Each attempt is its own transaction; a transient failure (connection lost, serialization failure) is
     * retried with backoff for at most {@code feed.ingest.transient-retry.max-duration}, and since storing is
     * idempotent a retried batch changes nothing twice.
     *
     * @throws RejectedByDatabase when the database refuses the data: the whole batch is rolled back, the caller finds
     *         the record that caused it
     */
    public List<Outcome> storeAll(List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            return transientRetry.get(() -> inOneTransaction(events), OUTCOMES);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            throw new RejectedByDatabase(e);
        }
    }

    private static final TypeLiteral<List<Outcome>> OUTCOMES = new TypeLiteral<>() {
    };

    private List<Outcome> inOneTransaction(List<ChangeEvent> events) {
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

    /** What a repair did: the entries it removed and whether the entity still has a state. */
    public record Repair(List<Long> discarded, boolean hasState) {
    }

    /**
     * Operator repair of one entity: removes the given history entries (forged ones), then re-derives the stale
     * flags of its history and its latest state from what remains, as if only that had ever arrived. Holds the
     * ingest's lock, so no event of any entity is stored meanwhile.
     *
     * @return null when the feed never saw the entity
     * @throws IllegalArgumentException naming a position that is not one of the entity's entries
     */
    public Repair repair(String source, String subject, List<Long> discard) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, POSITION_LOCK)
                    .getSingleResult();
            List<?> state = em.createNativeQuery("""
                            SELECT f.position, f.version, EXISTS (SELECT 1 FROM feed_entry e WHERE e.position = f.position)
                            FROM feed_entity f WHERE f.source = ?1 AND f.subject = ?2 FOR UPDATE""")
                    .setParameter(1, source).setParameter(2, subject).getResultList();
            long entries = ((Number) em.createNativeQuery(
                            "SELECT COUNT(*) FROM feed_entry WHERE source = ?1 AND subject = ?2")
                    .setParameter(1, source).setParameter(2, subject).getSingleResult()).longValue();
            if (state.isEmpty() && entries == 0) {
                return null;
            }
            for (long position : discard) {
                int removed = em.createNativeQuery(
                                "DELETE FROM feed_entry WHERE position = ?1 AND source = ?2 AND subject = ?3")
                        .setParameter(1, position).setParameter(2, source).setParameter(3, subject).executeUpdate();
                if (removed == 0) {
                    throw new IllegalArgumentException("position " + position + " is not an entry of this entity");
                }
            }
            em.createNativeQuery("""
                            UPDATE feed_entry e SET stale = EXISTS (
                                SELECT 1 FROM feed_entry p WHERE p.source = e.source AND p.subject = e.subject
                                  AND p.position < e.position AND p.entity_version >= e.entity_version)
                            WHERE e.source = ?1 AND e.subject = ?2""")
                    .setParameter(1, source).setParameter(2, subject).executeUpdate();
            // A state whose entry retention pruned (and nobody discarded) stays a candidate: history cannot replace it.
            boolean keepPruned = !state.isEmpty() && !((Boolean) ((Object[]) state.get(0))[2])
                    && !discard.contains(((Number) ((Object[]) state.get(0))[0]).longValue());
            long floor = keepPruned ? ((Number) ((Object[]) state.get(0))[1]).longValue() : Long.MIN_VALUE;
            if (!keepPruned) {
                em.createNativeQuery("DELETE FROM feed_entity WHERE source = ?1 AND subject = ?2")
                        .setParameter(1, source).setParameter(2, subject).executeUpdate();
            }
            int derived = em.createNativeQuery("""
                            INSERT INTO feed_entity (source, subject, version, type, event_id, event_time, position, deleted, data)
                            SELECT e.source, e.subject, e.entity_version, e.type, e.event_id, e.event_time, e.position,
                                   e.type LIKE '%.deleted', e.data
                            FROM feed_entry e WHERE e.source = ?1 AND e.subject = ?2 AND e.entity_version > ?3
                            ORDER BY e.entity_version DESC, e.position LIMIT 1
                            ON CONFLICT (source, subject) DO UPDATE SET version = EXCLUDED.version, type = EXCLUDED.type,
                                event_id = EXCLUDED.event_id, event_time = EXCLUDED.event_time,
                                position = EXCLUDED.position, deleted = EXCLUDED.deleted, data = EXCLUDED.data""")
                    .setParameter(1, source).setParameter(2, subject).setParameter(3, floor).executeUpdate();
            return new Repair(List.copyOf(discard), keepPruned || derived > 0);
        });
    }
}
