package dev.stackpulse.feed.stats;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * GET /feed/stats. {@code head} is the newest position; {@code prunedThrough} the retention watermark;
 * {@code consumerLag} is null (with {@code consumerLagError}) while Kafka does not answer.
 */
public record StatsView(long entries, long head, long prunedThrough, OffsetDateTime lastEventTime,
                        List<TypeCount> counts, long deadLettered, List<ConsumerLag.PartitionLag> consumerLag,
                        String consumerLagError) {

    public record TypeCount(String source, String type, long count, OffsetDateTime lastEventTime) {
    }
}
