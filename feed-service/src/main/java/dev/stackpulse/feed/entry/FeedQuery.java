package dev.stackpulse.feed.entry;

import dev.stackpulse.web.QueryParams;
import dev.stackpulse.web.QueryParams.TextMatch;
import io.quarkus.panache.common.Parameters;
import java.time.OffsetDateTime;

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

    /** The filters as a Panache query over FeedEntry, after the given position, in position order. */
    String jpql(Parameters params) {
        StringBuilder where = new StringBuilder("position > :after");
        if (source != null) {
            where.append(" and source = :source");
            params.and("source", source);
        }
        if (type != null && type.prefix()) {
            where.append(" and type like :type escape '\\'");
            params.and("type", type.likePattern());
        } else if (type != null) {
            where.append(" and type = :type");
            params.and("type", type.value());
        }
        if (subject != null) {
            where.append(" and subject = :subject");
            params.and("subject", subject);
        }
        if (since != null) {
            where.append(" and eventTime >= :since");
            params.and("since", since);
        }
        if (until != null) {
            where.append(" and eventTime < :until");
            params.and("until", until);
        }
        return where.append(" order by position").toString();
    }
}
