package dev.stackpulse.feed.entity;

import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedRepository;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Latest state and history of one entity. */
@ApplicationScoped
public class EntityService {

    private final FeedRepository feed;

    public EntityService(FeedRepository feed) {
        this.feed = feed;
    }

    @Transactional
    public EntityView latest(String source, String subject) {
        return FeedEntity.<FeedEntity>find("source = ?1 and subject = ?2", FeedQuery.source(source), subject)
                .firstResultOptional().map(EntityView::of)
                .orElseThrow(() -> ProblemException.notFound("entity", source + "/" + subject));
    }

    /** A page of the entity's stored changes in feed order (stale ones flagged) after a position; next null at the end. */
    @Transactional
    public Slice<FeedEntryView> history(String source, String subject, long after, int limit) {
        String fullSource = FeedQuery.source(source);
        if (FeedEntity.count("source = ?1 and subject = ?2", fullSource, subject) == 0) {
            throw ProblemException.notFound("entity", source + "/" + subject);
        }
        return Slice.of(feed.history(fullSource, subject, after, limit + 1), limit,
                change -> Long.toString(change.position()));
    }
}
