package dev.stackpulse.feed.entity;

import dev.stackpulse.feed.entry.FeedEntry;
import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.web.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Latest state and history of one entity. */
@ApplicationScoped
public class EntityService {

    @Transactional
    public EntityView latest(String source, String subject) {
        return FeedEntity.<FeedEntity>find("source = ?1 and subject = ?2", FeedQuery.source(source), subject)
                .firstResultOptional().map(EntityView::of)
                .orElseThrow(() -> ProblemException.notFound("entity", source + "/" + subject));
    }

    /** The entity's stored changes in feed order (stale ones flagged), after a position. */
    @Transactional
    public List<FeedEntryView> history(String source, String subject, long after, int limit) {
        String fullSource = FeedQuery.source(source);
        if (FeedEntity.count("source = ?1 and subject = ?2", fullSource, subject) == 0) {
            throw ProblemException.notFound("entity", source + "/" + subject);
        }
        return FeedEntry.<FeedEntry>find("source = :source and subject = :subject and position > :after order by position",
                        Parameters.with("source", fullSource).and("subject", subject).and("after", after))
                .page(0, limit).stream().map(FeedEntryView::of).toList();
    }
}
