package dev.stackpulse.feed.stats;

import dev.stackpulse.feed.entry.FeedRepository;
import dev.stackpulse.feed.ingest.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/** Counts from the database (the same on every replica) plus the consumer group's lag from Kafka. */
@ApplicationScoped
public class StatsService {

    private static final Logger LOG = Logger.getLogger(StatsService.class);

    private final FeedRepository feed;
    private final DeadLetters deadLetters;
    private final ConsumerLag lag;

    public StatsService(FeedRepository feed, DeadLetters deadLetters, ConsumerLag lag) {
        this.feed = feed;
        this.deadLetters = deadLetters;
        this.lag = lag;
    }

    public StatsView stats() {
        List<StatsView.TypeCount> counts = counts();
        OffsetDateTime last = counts.stream().map(StatsView.TypeCount::lastEventTime)
                .max(OffsetDateTime::compareTo).orElse(null);
        long total = counts.stream().mapToLong(StatsView.TypeCount::count).sum();
        List<ConsumerLag.PartitionLag> partitions = null;
        String lagError = null;
        try {
            partitions = lag.lag();
        } catch (Exception e) {
            LOG.warnf("consumer lag unavailable: %s", e.getMessage());
            lagError = "Kafka did not answer: consumer lag unavailable";
        }
        return new StatsView(total, feed.head(), feed.prunedThrough(), last, counts, deadLetters.count(),
                partitions, lagError);
    }

    private List<StatsView.TypeCount> counts() {
        return feed.countsBySourceAndType().stream().map(r -> new StatsView.TypeCount((String) r[0], (String) r[1],
                ((Number) r[2]).longValue(), FeedRepository.time(r[3]))).toList();
    }
}
