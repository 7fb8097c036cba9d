package dev.stackpulse.feed.retention;

import dev.stackpulse.feed.entry.FeedRepository;
import dev.stackpulse.feed.ingest.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/**
 * Retention: deletes a prefix of the feed (every position up to a watermark; the feed refuses cursors inside it with
 * 410 Gone, see FeedService). Entities' latest states are kept, so a client that lost its place rebuilds from
 * /feed/entities.
 */
@ApplicationScoped
public class RetentionService {

    private final EntityManager em;
    private final FeedRepository feed;

    public RetentionService(EntityManager em, FeedRepository feed) {
        this.em = em;
        this.feed = feed;
    }

    /** Prunes every entry that arrived before {@code cutoff} (and, keeping a prefix, everything below it). */
    @Transactional
    public long pruneArrivedBefore(OffsetDateTime cutoff) {
        Number last = (Number) em.createNativeQuery(
                        "SELECT COALESCE(MAX(position), 0) FROM feed_entry WHERE ingested_at < ?1")
                .setParameter(1, cutoff).getSingleResult();
        return pruneThrough(last.longValue());
    }

    /** Deletes positions up to {@code position}, raises the watermark and wakes the streams; returns the watermark. */
    @Transactional
    public long pruneThrough(long position) {
        em.createNativeQuery("UPDATE feed_retention SET pruned_through = GREATEST(pruned_through, ?1) WHERE id = 1")
                .setParameter(1, position).executeUpdate();
        em.createNativeQuery("DELETE FROM feed_entry WHERE position <= ?1").setParameter(1, position).executeUpdate();
        em.createNativeQuery("SELECT pg_notify(?1, 'pruned')").setParameter(1, EventStore.CHANNEL).getSingleResult();
        return feed.prunedThrough();
    }
}
