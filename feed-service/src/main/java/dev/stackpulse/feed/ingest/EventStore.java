package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.ChangeEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Stores events once, with positions assigned in commit order, and keeps each entity's latest state. */
@ApplicationScoped
public class EventStore {

    /** NOTIFY channel: delivered on commit to every replica's listener, which wakes its live streams. */
    public static final String CHANNEL = "feed_entry";

    /**
     * Serializes position assignment (and the counter positions come from): the lock is held until the transaction ends, and PostgreSQL makes a commit
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
    private final DataSource dataSource;
    private final Guard transientRetry;

    public EventStore(EntityManager em, DataSource dataSource, IngestConfig config) {
        this.em = em;
        this.dataSource = dataSource;
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
     * Stores a batch in one transaction: one round trip (the lock, then one set-based INSERT of entries and latest
     * states that also sends the NOTIFY carrying the newest position), one commit; nothing per event. Each attempt is its own transaction; a transient
     * failure (connection lost, serialization failure) is retried with backoff for at most {@code feed.ingest.transient-retry.max-duration}, and since storing is
     * idempotent a retried batch changes nothing twice.
     *
     * @throws RejectedByDatabase when the database refuses the data: the whole batch is rolled back, the caller finds
     *         the record that caused it
     */
    public List<Outcome> storeAll(List<ChangeEvent> events) {
        return storeAll(events, java.util.Collections.nCopies(events.size(), null));
    }

    /** {@link #storeAll(List)}, each event stored with the W3C traceparent of its ingest span (null: none). */
    public List<Outcome> storeAll(List<ChangeEvent> events, List<String> traceParents) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            return transientRetry.get(() -> inOneTransaction(events, traceParents), OUTCOMES);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            throw new RejectedByDatabase(e);
        }
    }

    private static final TypeLiteral<List<Outcome>> OUTCOMES = new TypeLiteral<>() {
    };

    /**
     * The whole batch in one round trip of two statements: the position lock (its own statement, so the INSERT's
     * snapshot is taken after the previous batch committed), then one INSERT of the events not stored yet (positions
     * from the feed_position counter in batch order, advanced once by their number: gap-free; stale computed against
     * the stored state and the batch's earlier events of the same entity), which also upserts each entity's newest
     * state once and sends the NOTIFY with the newest stored position (none when nothing was stored).
     */
    private static final String INSERT_BATCH = """
            SELECT pg_advisory_xact_lock(?);
            WITH batch AS (
                SELECT b.*, max(b.version) OVER (PARTITION BY b.source, b.subject ORDER BY b.ord
                                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier
                FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                            CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS jsonb[]), CAST(? AS varchar[]))
                     WITH ORDINALITY AS b(id, source, type, subject, version, micros, data, trace, ord)
            ), fresh AS (
                -- The batch's events not stored yet, each once (its first occurrence), numbered in batch order: under
                -- the lock nobody else stores, so this is exactly what the INSERT stores and no position is spent twice.
                SELECT b.*, row_number() OVER (ORDER BY b.ord) AS n
                FROM (SELECT DISTINCT ON (source, id) * FROM batch ORDER BY source, id, ord) b
                WHERE NOT EXISTS (SELECT 1 FROM feed_entry e WHERE e.source = b.source AND e.event_id = b.id)
            ), counter AS (
                UPDATE feed_position SET last = last + (SELECT count(*) FROM fresh)
                WHERE id = 1 AND EXISTS (SELECT 1 FROM fresh)
                RETURNING last - (SELECT count(*) FROM fresh) AS base
            ), stored AS (
                INSERT INTO feed_entry (position, event_id, source, type, subject, entity_version, event_time, data, stale,
                                        trace_parent)
                SELECT c.base + b.n, b.id, b.source, b.type, b.subject, b.version,
                       timestamptz 'epoch' + (b.micros / 1000000) * interval '1 second'
                           + (b.micros % 1000000) * interval '1 microsecond', b.data,
                       COALESCE(GREATEST(f.version, b.earlier) >= b.version, false), b.trace
                FROM fresh b CROSS JOIN counter c LEFT JOIN feed_entity f ON f.source = b.source AND f.subject = b.subject
                ORDER BY b.ord
                ON CONFLICT (source, event_id) DO NOTHING
                RETURNING position, event_id, source, subject, entity_version, type, event_time, data, stale
            ), latest AS (
                INSERT INTO feed_entity AS f (source, subject, version, type, event_id, event_time, position, deleted, data)
                SELECT DISTINCT ON (source, subject) source, subject, entity_version, type, event_id, event_time,
                       position, type LIKE '%.deleted', data
                FROM stored WHERE NOT stale
                ORDER BY source, subject, entity_version DESC, position
                ON CONFLICT (source, subject) DO UPDATE SET version = EXCLUDED.version, type = EXCLUDED.type,
                    event_id = EXCLUDED.event_id, event_time = EXCLUDED.event_time,
                    position = EXCLUDED.position, deleted = EXCLUDED.deleted, data = EXCLUDED.data
                WHERE EXCLUDED.version > f.version
            ), notified AS MATERIALIZED (
                SELECT pg_notify(?, h.position::text) FROM (SELECT max(position) AS position FROM stored) h
                WHERE h.position IS NOT NULL
            )
            SELECT s.position, s.event_id, s.source, s.stale FROM stored s CROSS JOIN notified""";

    private List<Outcome> inOneTransaction(List<ChangeEvent> events, List<String> traceParents) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection db = dataSource.getConnection()) {
                int n = events.size();
                Object[] ids = new Object[n];
                String[] sources = new String[n];
                String[] types = new String[n];
                String[] subjects = new String[n];
                Long[] versions = new Long[n];
                Long[] micros = new Long[n];
                String[] data = new String[n];
                for (int i = 0; i < n; i++) {
                    ChangeEvent e = events.get(i);
                    ids[i] = e.id();
                    sources[i] = e.source();
                    types[i] = e.type();
                    subjects[i] = e.subject();
                    versions[i] = e.entityVersion();
                    micros[i] = micros(e.time());
                    data[i] = e.data();
                }
                // Each inserted event's position and staleness, by (source, id): the first occurrence in the batch.
                Map<String, Outcome> stored = new HashMap<>(n * 2);
                try (PreparedStatement insert = db.prepareStatement(INSERT_BATCH)) {
                    insert.setLong(1, POSITION_LOCK);
                    insert.setArray(2, db.createArrayOf("uuid", ids));
                    insert.setArray(3, db.createArrayOf("varchar", sources));
                    insert.setArray(4, db.createArrayOf("varchar", types));
                    insert.setArray(5, db.createArrayOf("varchar", subjects));
                    insert.setArray(6, db.createArrayOf("int8", versions));
                    insert.setArray(7, db.createArrayOf("int8", micros));
                    insert.setArray(8, db.createArrayOf("text", data));
                    insert.setArray(9, db.createArrayOf("varchar", traceParents.toArray()));
                    insert.setString(10, CHANNEL);
                    insert.execute(); // the lock's row
                    if (!insert.getMoreResults()) {
                        throw new IllegalStateException("the batch INSERT returned no result");
                    }
                    try (ResultSet rows = insert.getResultSet()) {
                        while (rows.next()) {
                            stored.put(rows.getString(3) + " " + rows.getObject(2, UUID.class),
                                    rows.getBoolean(4) ? Outcome.STALE : Outcome.STORED);
                        }
                    }
                }
                List<Outcome> outcomes = new ArrayList<>(n);
                for (ChangeEvent e : events) {
                    Outcome one = stored.remove(e.source() + " " + e.id());
                    outcomes.add(one == null ? Outcome.DUPLICATE : one);
                }
                return outcomes;
            }
        });
    }

    /** Microseconds since the epoch, rounded half up like the JDBC driver rounds a time's nanoseconds. */
    static long micros(OffsetDateTime time) {
        Instant instant = time.toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                (instant.getNano() + 500) / 1000);
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
