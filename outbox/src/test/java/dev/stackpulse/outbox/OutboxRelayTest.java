package dev.stackpulse.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The relay against the real database and broker: the table stays bounded, no transaction spans a broker wait. */
@QuarkusTest
class OutboxRelayTest {

    record State(String name, long version) implements Versioned {
    }

    @Inject
    OutboxWriter writer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void stopWaitsForTheBatchInFlightAndLosesNothing() throws Exception {
        String subject = "stopping-" + UUID.randomUUID();
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            SharedInfra.infra().command("kafka-stop");
            try {
                QuarkusTransaction.requiringNew().run(() ->
                        writer.record("thing", subject, ChangeKind.CREATED, () -> new State(subject, 0)));
                // the relay claims the event at once and then waits for the broker's acknowledgement
                Awaitility.await("the relay's batch in flight").atMost(Duration.ofSeconds(10))
                        .until(() -> relayThreads().stream().anyMatch(t -> inSend(t)));
                relay.stop(null);
                assertFalse(relayThreads().stream().anyMatch(Thread::isAlive),
                        "stop() returns once the worker has finished its batch");
                assertEquals(1, rows(subject), "the unacknowledged event stays in the outbox");
            } finally {
                SharedInfra.infra().command("kafka-start");
                relay.start(null);
            }
            topic.awaitRecords(r -> subject.equals(r.key()), 1, Duration.ofSeconds(60));
        }
    }

    private static List<Thread> relayThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> "outbox-relay".equals(t.getName())).toList();
    }

    private static boolean inSend(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(OutboxRelay.class.getName()) && frame.getMethodName().equals("send")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void publishedRowsAreRemovedSoTheTableStaysBoundedUnderALongWriteBurst() throws Exception {
        String prefix = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Instant end = Instant.now().plusSeconds(12);
        int written = 0;
        long largest = 0;
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            while (Instant.now().isBefore(end)) {
                int first = written;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = first; i < first + 20; i++) {
                        String subject = prefix + i;
                        writer.record("thing", subject, ChangeKind.CREATED, () -> new State(subject, 0));
                    }
                });
                written += 20;
                largest = Math.max(largest, rows(prefix));
            }
            int total = written;
            List<ConsumerRecord<String, String>> published = topic.awaitRecords(r -> r.key().startsWith(prefix),
                    total, Duration.ofSeconds(90));
            Set<String> keys = published.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
            assertEquals(total, keys.size(), "every written event was published");
            System.out.printf("outbox burst: written=%d largest-table=%d%n", total, largest);
            assertTrue(largest < total / 2, "the table held " + largest + " of " + total + " rows at once");
            Awaitility.await("published rows removed after the retention").atMost(Duration.ofSeconds(30))
                    .until(() -> rows(prefix) == 0);
        }
    }

    @Test
    void relayHoldsNoTransactionWhileItWaitsForTheBroker() throws Exception {
        String subject = "stalled-" + UUID.randomUUID();
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            SharedInfra.infra().command("kafka-stop");
            try {
                QuarkusTransaction.requiringNew().run(() ->
                        writer.record("thing", subject, ChangeKind.CREATED, () -> new State(subject, 0)));
                // The relay now tries (and waits for acknowledgements) again and again; none of it in a transaction.
                Awaitility.await("no session idle in a transaction while the broker is away")
                        .during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> idleInTransaction() == 0 && rows(subject) == 1 && idleLockSessions() == 1);
            } finally {
                SharedInfra.infra().command("kafka-start");
            }
            topic.awaitRecords(r -> subject.equals(r.key()), 1, Duration.ofSeconds(60));
        }
    }

    /** Sessions of this database that have sat in an open transaction for over a second. */
    private long idleInTransaction() throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%' "
                + "AND state_change < now() - interval '1 second'", null);
    }

    /** The relay's lock session: there, and never inside a transaction. */
    private long idleLockSessions() throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle' "
                + "AND application_name = ?", RelayLock.APPLICATION_NAME);
    }

    private long rows(String subjectPrefix) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE subject LIKE ?", subjectPrefix + "%");
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
