package dev.stackpulse.feed.entry;

import dev.stackpulse.web.QueryParams;
import dev.stackpulse.web.QueryParams.TextMatch;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of /feed, /feed/stream and the live page (one parsing path, {@link QueryParams}): {@code source}
 * (with or without the leading '/'), {@code type} (exact, or a prefix when it ends in '*': {@code catalog.project.*}),
 * {@code subject} (exact), {@code since} (inclusive) and {@code until} (exclusive) on the event time.
 */
public record FeedQuery(String source, TextMatch type, String subject, OffsetDateTime since, OffsetDateTime until) {

    public static final FeedQuery ALL = new FeedQuery(null, null, null, null, null);

    public static FeedQuery parse(String source, String type, String subject, String since, String until) {
        return new FeedQuery(source(QueryParams.text("source", source)), QueryParams.match("type", type),
                QueryParams.text("subject", subject), QueryParams.time("since", since),
                QueryParams.time("until", until));
    }

    /** "catalog-service" and "/catalog-service" both name the source attribute "/catalog-service". */
    public static String source(String value) {
        return value == null || value.isBlank() || value.startsWith("/") ? value : "/" + value;
    }

    public boolean matches(FeedEntryView e) {
        return (source == null || source.equals(e.source()))
                && (type == null || type.matches(e.type()))
                && (subject == null || subject.equals(e.subject()))
                && (since == null || !e.time().isBefore(since))
                && (until == null || e.time().isBefore(until));
    }

    /** A (source, type) pair that has entries: a source or type filter reads the pairs it matches (see {@link #sql}). */
    public record Pair(String source, String type) {
    }

    /** The WHERE clause (with ORDER BY and LIMIT) of a page over feed_entry; {@code expanded}: it used the pairs. */
    record Sql(String where, List<Object> params, boolean expanded) {
    }

    /**
     * Up to {@code limit} matching entries after {@code after} in position order, as SQL that every filter combination
     * answers from an index in position order: a subject from (subject, position), other filters on its rows; a source
     * and/or type (exact or prefix) from (source, type, position), one index-only branch per pair it matches, merged;
     * otherwise the primary key. {@code pairs} null: no expansion (always right, a scan for rare types). No pair
     * matching: the page is empty ({@code false}).
     */
    Sql sql(long after, int limit, List<Pair> pairs) {
        List<Object> params = new ArrayList<>();
        if (subject != null || (source == null && type == null) || pairs == null) {
            StringBuilder where = new StringBuilder("position > ?");
            params.add(after);
            if (subject != null) {
                where.append(" AND subject = ?");
                params.add(subject);
            }
            if (source != null) {
                where.append(" AND source = ?");
                params.add(source);
            }
            if (type != null && type.prefix()) {
                where.append(" AND type LIKE ? ESCAPE '\\'");
                params.add(type.likePattern());
            } else if (type != null) {
                where.append(" AND type = ?");
                params.add(type.value());
            }
            times(where, params);
            params.add(limit);
            return new Sql(where.append(" ORDER BY position LIMIT ?").toString(), params, false);
        }
        List<Pair> matching = pairs.stream().filter(p -> (source == null || source.equals(p.source()))
                && (type == null || type.matches(p.type()))).toList();
        if (matching.isEmpty()) {
            return new Sql("false", params, true);
        }
        StringBuilder union = new StringBuilder("position IN (SELECT position FROM (");
        for (Pair pair : matching) {
            if (params.size() > 0) {
                union.append(" UNION ALL ");
            }
            union.append("(SELECT position FROM feed_entry WHERE source = ? AND type = ? AND position > ?");
            params.add(pair.source());
            params.add(pair.type());
            params.add(after);
            times(union, params);
            union.append(" ORDER BY position LIMIT ?)");
            params.add(limit);
        }
        params.add(limit);
        return new Sql(union.append(") u ORDER BY position LIMIT ?) ORDER BY position").toString(), params, true);
    }

    /**
     * The time filters, and the position range that can hold a match (from feed_time_block: the first block whose
     * newest time is at or after {@code since}, the last whose oldest is before {@code until}), so an index in
     * position order is read only there.
     */
    private void times(StringBuilder where, List<Object> params) {
        if (since != null) {
            where.append(" AND event_time >= ? AND position >= COALESCE((SELECT MIN(block) FROM feed_time_block"
                    + " WHERE max_time >= ?), 1000000000000000) * 1024");
            params.add(since);
            params.add(since);
        }
        if (until != null) {
            where.append(" AND event_time < ? AND position < (COALESCE((SELECT MAX(block) FROM feed_time_block"
                    + " WHERE min_time < ?), -1) + 1) * 1024");
            params.add(until);
            params.add(until);
        }
    }
}
