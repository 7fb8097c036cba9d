package dev.stackpulse.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeKind;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Change notices on the real PostgreSQL: after commit here, by NOTIFY on another replica, never on rollback. */
@QuarkusTest
class ChangeNoticeTest {

    record State(String name, long version) implements Versioned {
    }

    /** What this replica's ChangeNotice observers see (a singleton: the test reads its field, not a proxy's). */
    @Singleton
    static class Recorder {
        final List<ChangeNotice> seen = new CopyOnWriteArrayList<>();

        void on(@Observes ChangeNotice notice) {
            seen.add(notice);
        }
    }

    @Inject
    OutboxWriter writer;

    @Inject
    Recorder recorder;

    @Inject
    ChangeListener listener;

    @Inject
    ChangeNotices notices;

    @Inject
    ChangeNoticeConfig config;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void theWritingReplicaSeesItsNoticeWhenTheCommitReturns() {
        String subject = "own-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> write(subject, 3));
        // No waiting: the notice was fired synchronously after commit, before run() returned.
        assertTrue(recorder.seen.contains(new ChangeNotice("thing", subject, 3)), recorder.seen.toString());
    }

    @Test
    void anotherReplicaGetsTheCommittedWriteAndNothingOfARolledBackOne() throws Exception {
        List<ChangeNotice> other = new CopyOnWriteArrayList<>();
        AtomicBoolean up = new AtomicBoolean();
        try (ChangeListener.Loop replica = otherReplica(other, up)) {
            Awaitility.await("second replica listening").atMost(Duration.ofSeconds(10)).untilTrue(up);
            String rolledBack = "rolled-back-" + UUID.randomUUID();
            String committed = "committed-" + UUID.randomUUID();
            QuarkusTransaction.begin();
            write(rolledBack, 1);
            QuarkusTransaction.rollback();
            QuarkusTransaction.requiringNew().run(() -> write(committed, 2));
            // NOTIFYs arrive in commit order: once the later commit arrived, a rolled-back one would have too.
            Awaitility.await("the commit reaches the other replica").atMost(Duration.ofSeconds(5))
                    .until(() -> other.contains(new ChangeNotice("thing", committed, 2)));
            assertFalse(other.stream().anyMatch(n -> n.subject().equals(rolledBack)), other.toString());
            assertFalse(recorder.seen.stream().anyMatch(n -> n.subject().equals(rolledBack)), recorder.seen.toString());
        }
    }

    @Test
    void aNotifyFromAnotherConnectionReachesThisReplica() throws Exception {
        Awaitility.await("listening").atMost(Duration.ofSeconds(10)).until(listener::listening);
        String subject = "foreign-" + UUID.randomUUID();
        sendNotify("another-process|7|thing|" + subject);
        Awaitility.await("the NOTIFY arrives as a ChangeNotice").atMost(Duration.ofSeconds(5))
                .until(() -> recorder.seen.contains(new ChangeNotice("thing", subject, 7)));
    }

    @Test
    void aLostListenConnectionAnnouncesEverythingAndListensAgain() throws Exception {
        Awaitility.await("listening").atMost(Duration.ofSeconds(10)).until(listener::listening);
        recorder.seen.clear();
        try (Connection c = dataSource.getConnection();
             PreparedStatement kill = c.prepareStatement(
                     "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            kill.setString(1, notices.channel() + "-listener");
            kill.execute();
        }
        Awaitility.await("everything announced").atMost(Duration.ofSeconds(10))
                .until(() -> recorder.seen.contains(ChangeNotice.EVERYTHING));
        String subject = "after-reconnect-" + UUID.randomUUID();
        Awaitility.await("notices arrive again after the reconnect").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    sendNotify("another-process|1|thing|" + subject);
                    return recorder.seen.contains(new ChangeNotice("thing", subject, 1));
                });
        assertTrue(listener.listening());
    }

    private void write(String subject, long version) {
        writer.record("thing", subject, ChangeKind.UPDATED, () -> new State(subject, version));
    }

    private void sendNotify(String payload) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, notices.channel());
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /** A second listener with an origin of its own: what another replica of the service would receive. */
    private ChangeListener.Loop otherReplica(List<ChangeNotice> sink, AtomicBoolean up) {
        Properties properties = new Properties();
        properties.setProperty("user", "stackpulse");
        properties.setProperty("password", "stackpulse");
        properties.setProperty("ApplicationName", "other-replica-listener");
        return ChangeListener.start(new ChangeNotices(config, outboxConfig), config, url, properties, sink::add, up::set);
    }
}
