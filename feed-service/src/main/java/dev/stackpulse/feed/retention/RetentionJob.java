package dev.stackpulse.feed.retention;

import dev.stackpulse.events.Rfc3339;
import dev.stackpulse.feed.config.FeedConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs retention every feed.retention.prune-interval when feed.retention.keep is set. */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final RetentionService retention;
    private final FeedConfig config;

    public RetentionJob(RetentionService retention, FeedConfig config) {
        this.retention = retention;
        this.config = config;
    }

    @Scheduled(every = "{feed.retention.prune-interval}", delayed = "{feed.retention.prune-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        config.retention().keep().ifPresent(keep -> {
            long through = retention.pruneArrivedBefore(Rfc3339.now().minus(keep));
            LOG.infof("retention: entries up to position %d pruned", through);
        });
    }
}
