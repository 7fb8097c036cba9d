package dev.stackpulse.feed.entry;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads of the stored entries; usable from request threads and from the stream's own threads. */
@ApplicationScoped
public class FeedRepository {

    private final EntityManager em;

    public FeedRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<FeedEntryView> page(long after, FeedQuery query, int limit) {
        Parameters params = Parameters.with("after", after);
        String jpql = query.jpql(params);
        return FeedEntry.<FeedEntry>find(jpql, params).page(0, limit).stream().map(FeedEntryView::of).toList();
    }

    /** Unfiltered entries after a position: the one shared read per wake-up of the live stream. */
    @Transactional
    public List<FeedEntryView> after(long after, int limit) {
        return page(after, FeedQuery.ALL, limit);
    }

    /** The highest position stored (0 when empty). */
    @Transactional
    public long head() {
        Number head = (Number) em.createNativeQuery("SELECT COALESCE(MAX(position), 0) FROM feed_entry")
                .getSingleResult();
        return head.longValue();
    }

    /** Every position up to this one has been pruned by retention. */
    @Transactional
    public long prunedThrough() {
        Number through = (Number) em.createNativeQuery("SELECT pruned_through FROM feed_retention WHERE id = 1")
                .getSingleResult();
        return through.longValue();
    }

    /** Rows of (source, type, count, last event time). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object[]> countsBySourceAndType() {
        return em.createNativeQuery("""
                SELECT source, type, COUNT(*), MAX(event_time) FROM feed_entry GROUP BY source, type
                ORDER BY source, type""").getResultList();
    }

    /** A timestamptz column from a native query, whatever JDBC type the driver chose. */
    public static java.time.OffsetDateTime time(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
