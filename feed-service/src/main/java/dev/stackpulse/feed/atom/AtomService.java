package dev.stackpulse.feed.atom;

import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedRepository;
import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Splits the feed into RFC 5005 archive documents of {@code feed.atom.page-size} positions each: archive k holds
 * positions ((k-1)*size, k*size] and exists once k*size <= the newest position (positions are assigned in commit
 * order, so such a window can no longer change); the subscription document holds what follows the last archive.
 */
@ApplicationScoped
public class AtomService {

    private final FeedRepository feed;
    private final FeedConfig config;

    public AtomService(FeedRepository feed, FeedConfig config) {
        this.feed = feed;
        this.config = config;
    }

    /** One Atom document's entries (newest first) and its place among the archives. */
    public record AtomPage(Integer archive, long lastArchive, List<FeedEntryView> entries) {
    }

    @Transactional
    public AtomPage page(Integer archive) {
        long size = config.atom().pageSize();
        long lastArchive = feed.head() / size;
        if (archive == null) {
            return new AtomPage(null, lastArchive, feed.between(lastArchive * size, Long.MAX_VALUE, (int) size * 2));
        }
        if (archive < 1 || archive > lastArchive) {
            throw ProblemException.notFound("archive page", Integer.toString(archive));
        }
        long upper = archive * size;
        long pruned = feed.prunedThrough();
        if (upper <= pruned) {
            throw FeedService.gone("page", upper, pruned);
        }
        return new AtomPage(archive, lastArchive, feed.between(upper - size, upper, (int) size));
    }
}
