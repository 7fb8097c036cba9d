package dev.stackpulse.feed.entry;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads of the stored entries; usable from request threads and from the stream's own threads. */
@ApplicationScoped
public class FeedRepository {

    private final EntityManager em;
    private final DataSource dataSource;

    public FeedRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * One statement per page: the retention watermark, the head and the pair-set version (one snapshot), then the
     * page's entries, cut in SQL where their footprint would pass the byte limit (the driver never buffers more).
     */
    private static final String PAGE = """
            SELECT m.pruned, m.head, m.pairs, e.position, e.event_id, e.source, e.type, e.subject, e.event_time,
                   e.entity_version, e.stale, e.body, e.trace_parent
            FROM (SELECT (SELECT pruned_through FROM feed_retention WHERE id = 1) AS pruned,
                         (SELECT COALESCE(MAX(position), 0) FROM feed_entry) AS head,
                         (SELECT version FROM feed_type_set WHERE id = 1) AS pairs) m
            LEFT JOIN LATERAL (
                SELECT p.*, row_number() OVER w AS rn,
                       sum(256 + 2 * (octet_length(p.body) + octet_length(p.source) + octet_length(p.type)
                           + octet_length(p.subject))) OVER w
                           AS running
                FROM (SELECT f.position, f.event_id, f.source, f.type, f.subject, f.event_time, f.entity_version,
                             f.stale, f.data::text AS body, f.trace_parent
                      FROM feed_entry f WHERE %s) p
                WINDOW w AS (ORDER BY p.position)
            ) e ON e.rn = 1 OR e.running <= ?
            ORDER BY e.position""";

    /** The head and the watermark alone: what a conditional GET compares before reading any entry. */
    private static final String VERSION = "SELECT (SELECT pruned_through FROM feed_retention WHERE id = 1),"
            + " (SELECT COALESCE(MAX(position), 0) FROM feed_entry)";

    /** The (source, type) pairs with entries and the pair-set version, read in one snapshot. */
    private static final String PAIRS = "SELECT s.version, c.source, c.type FROM feed_type_set s"
            + " LEFT JOIN feed_type_count c ON true WHERE s.id = 1";

    /** The feed's state a page was read in: a page's content is fixed by the query, its cursor and these two. */
    public record Version(long head, long prunedThrough) {
    }

    /** A page and the state it was read in. */
    public record Page(List<FeedEntryView> entries, Version version) {
    }

    private record KnownPairs(long version, List<FeedQuery.Pair> pairs) {
    }

    /** Pairs known to this replica; replaced when a page's snapshot shows a newer pair-set version. */
    private volatile KnownPairs known;

    /** The head and retention watermark, in one statement (no transaction around it). */
    public Version version() {
        try (Connection db = dataSource.getConnection(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(VERSION)) {
            rs.next();
            return new Version(rs.getLong(2), rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException("feed version not readable", e);
        }
    }

    /**
     * Up to {@code limit} entries after a position, stopping before {@code maxBytes} (by
     * {@link FeedEntryView#footprint()}) would be exceeded; always at least one entry when any follows.
     */
    public List<FeedEntryView> page(long after, FeedQuery query, int limit, long maxBytes) {
        return read(after, query, limit, maxBytes).entries();
    }

    /** {@link #page} with the state it was read in, from one statement (autocommit: no transaction round trips). */
    public Page read(long after, FeedQuery query, int limit, long maxBytes) {
        try (Connection db = dataSource.getConnection()) {
            KnownPairs pairs = known != null ? known : loadPairs(db);
            for (int attempt = 0; ; attempt++) {
                // After two changes of the pair set while reading, read without the pairs: always right.
                FeedQuery.Sql sql = query.sql(after, limit, attempt < 2 ? pairs.pairs() : null);
                Read read = run(db, sql, maxBytes);
                if (!sql.expanded() || read.pairsVersion() == pairs.version()) {
                    return new Page(read.entries(), read.version());
                }
                pairs = loadPairs(db);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("feed page not readable", e);
        }
    }

    private record Read(List<FeedEntryView> entries, Version version, long pairsVersion) {
    }

    private Read run(Connection db, FeedQuery.Sql sql, long maxBytes) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(PAGE.formatted(sql.where()))) {
            int i = 1;
            for (Object param : sql.params()) {
                st.setObject(i++, param);
            }
            st.setLong(i, maxBytes);
            List<FeedEntryView> result = new ArrayList<>();
            long bytes = 0;
            Version version = null;
            long pairsVersion = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (version == null) {
                        version = new Version(rs.getLong(2), rs.getLong(1));
                        pairsVersion = rs.getLong(3);
                    }
                    if (rs.getObject(4) == null) {
                        break;
                    }
                    FeedEntryView entry = new FeedEntryView(rs.getLong(4), rs.getObject(5, UUID.class),
                            rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                            rs.getLong(10), rs.getBoolean(11), rs.getString(12), rs.getString(13));
                    // The SQL cut counts UTF-8 bytes (never fewer than UTF-16 units): this check rarely cuts more.
                    if (!result.isEmpty() && bytes + entry.footprint() > maxBytes) {
                        break;
                    }
                    result.add(entry);
                    bytes += entry.footprint();
                }
            }
            return new Read(result, version, pairsVersion);
        }
    }

    private KnownPairs loadPairs(Connection db) throws SQLException {
        List<FeedQuery.Pair> pairs = new ArrayList<>();
        long version = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(PAIRS)) {
            while (rs.next()) {
                version = rs.getLong(1);
                if (rs.getString(2) != null) {
                    pairs.add(new FeedQuery.Pair(rs.getString(2), rs.getString(3)));
                }
            }
        }
        KnownPairs loaded = new KnownPairs(version, List.copyOf(pairs));
        known = loaded;
        return loaded;
    }

    /** Unfiltered entries after a position: the one shared read per wake-up of the live stream. */
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
