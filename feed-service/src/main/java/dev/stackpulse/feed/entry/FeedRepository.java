package dev.stackpulse.feed.entry;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/** Reads of the stored entries; usable from request threads and from the stream's own threads. */
@ApplicationScoped
public class FeedRepository {

    private final EntityManager em;

    public FeedRepository(EntityManager em) {
        this.em = em;
    }

    /** Rows fetched per round trip: large entries never all sit in the driver's buffer at once. */
    private static final int FETCH_SIZE = 32;

    /**
     * Up to {@code limit} entries after a position, stopping before {@code maxBytes} (by
     * {@link FeedEntryView#footprint()}) would be exceeded; always at least one entry when any follows.
     */
    @Transactional
    public List<FeedEntryView> page(long after, FeedQuery query, int limit, long maxBytes) {
        Parameters params = Parameters.with("after", after);
        String jpql = query.jpql(params);
        List<FeedEntryView> result = new ArrayList<>();
        long bytes = 0;
        try (Stream<FeedEntry> rows = FeedEntry.<FeedEntry>find(jpql, params)
                .withHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE).page(0, limit).stream()) {
            for (Iterator<FeedEntry> it = rows.iterator(); it.hasNext(); ) {
                FeedEntryView entry = FeedEntryView.of(it.next());
                if (!result.isEmpty() && bytes + entry.footprint() > maxBytes) {
                    break;
                }
                result.add(entry);
                bytes += entry.footprint();
            }
        }
        return result;
    }

    /** Unfiltered entries after a position: the one shared read per wake-up of the live stream. */
    @Transactional
    public List<FeedEntryView> after(long after, int limit, long maxBytes) {
        return page(after, FeedQuery.ALL, limit, maxBytes);
    }

    /** Up to {@code limit} of one entity's entries after a position, in position order. */
    @Transactional
    public List<FeedEntryView> history(String source, String subject, long after, int limit) {
        return FeedEntry.<FeedEntry>find("source = :source and subject = :subject and position > :after order by position",
                        Parameters.with("source", source).and("subject", subject).and("after", after))
                .page(0, limit).stream().map(FeedEntryView::of).toList();
    }

    /** Up to {@code max} entries in (after, through], newest first. */
    @Transactional
    public List<FeedEntryView> between(long after, long through, int max) {
        return FeedEntry.<FeedEntry>find("position > :after and position <= :through order by position desc",
                        Parameters.with("after", after).and("through", through))
                .page(0, max).stream().map(FeedEntryView::of).toList();
    }

    /** The highest position stored (0 when empty). */
    @Transactional
    public long head() {
        Number head = (Number) em.createNativeQuery("SELECT COALESCE(MAX(position), 0) FROM feed_entry")
                .getSingleResult();
        return head.longValue();
    }

    /** The newest position ever assigned: the head, or what retention pruned through when it pruned everything. */
    public long headOrPrunedThrough() {
        Number head = (Number) em.createNativeQuery("SELECT GREATEST((SELECT COALESCE(MAX(position), 0) FROM feed_entry),"
                + " (SELECT pruned_through FROM feed_retention WHERE id = 1))").getSingleResult();
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
