package dev.stackpulse.feed.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Counts from the database (the same on every replica), from the per-(source, type) counts the ingest's triggers
 * keep (never an aggregate over the feed), plus the consumer group's lag from Kafka, refreshed in the background
 * once older than {@code feed.stats.lag-max-age} so no request waits for the broker (except the first).
 */
@ApplicationScoped
public class StatsService {

    private static final Logger LOG = Logger.getLogger(StatsService.class);

    /** Head, watermark, dead letters and the counts in one statement (one snapshot, one round trip). */
    private static final String STATS = """
            SELECT m.head, m.pruned, m.dead, c.source, c.type, c.entries, c.last_event_time
            FROM (SELECT (SELECT COALESCE(MAX(position), 0) FROM feed_entry) AS head,
                         (SELECT pruned_through FROM feed_retention WHERE id = 1) AS pruned,
                         (SELECT COUNT(*) FROM feed_dead_letter) AS dead) m
            LEFT JOIN feed_type_count c ON true
            ORDER BY c.source, c.type""";

    private final AgroalDataSource dataSource;
    private final ConsumerLag lag;
    private final StatsConfig config;
    private final ManagedExecutor executor;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Lag lastLag;

    /** The consumer lag as last read, or why it could not be. */
    private record Lag(List<ConsumerLag.PartitionLag> partitions, String error, long readAtNanos) {
    }

    public StatsService(AgroalDataSource dataSource, ConsumerLag lag, StatsConfig config, ManagedExecutor executor) {
        this.dataSource = dataSource;
        this.lag = lag;
        this.config = config;
        this.executor = executor;
    }

    public StatsView stats() {
        List<StatsView.TypeCount> counts = new ArrayList<>();
        long head = 0;
        long pruned = 0;
        long dead = 0;
        try (Connection db = dataSource.getConnection(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(STATS)) {
            while (rs.next()) {
                head = rs.getLong(1);
                pruned = rs.getLong(2);
                dead = rs.getLong(3);
                if (rs.getString(4) != null) {
                    counts.add(new StatsView.TypeCount(rs.getString(4), rs.getString(5), rs.getLong(6),
                            rs.getObject(7, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("feed statistics not readable", e);
        }
        OffsetDateTime last = counts.stream().map(StatsView.TypeCount::lastEventTime)
                .max(OffsetDateTime::compareTo).orElse(null);
        long total = counts.stream().mapToLong(StatsView.TypeCount::count).sum();
        Lag current = lag();
        return new StatsView(total, head, pruned, last, counts, dead, current.partitions(), current.error());
    }

    /** The last lag read; the first call reads it, a later one past its age starts a refresh and serves the old one. */
    private Lag lag() {
        Lag current = lastLag;
        if (current == null) {
            return refreshLag();
        }
        if (System.nanoTime() - current.readAtNanos() > config.lagMaxAge().toNanos()
                && refreshing.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    refreshLag();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return current;
    }

    private Lag refreshLag() {
        Lag read;
        try {
            read = new Lag(lag.lag(), null, System.nanoTime());
        } catch (Exception e) {
            LOG.warnf("consumer lag unavailable: %s", e.getMessage());
            read = new Lag(null, "Kafka did not answer: consumer lag unavailable", System.nanoTime());
        }
        lastLag = read;
        return read;
    }
}
