package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.testing.SharedInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The LISTEN connection (PgListener, the reactive client's PgSubscriber) dies: it comes back by itself, and what
 * was committed meanwhile still reaches live subscribers (in tests the fallback re-read is an hour away, so only
 * the re-read after the reconnect can deliver it).
 */
@QuarkusTest
class StreamListenReconnectTest {

    @TestHTTPResource("/feed/stream")
    URL stream;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLostListenConnectionIsReopenedAndWhatCommittedMeanwhileIsDelivered() throws Exception {
        String subject = "listen-" + UUID.randomUUID().toString().substring(0, 8);
        long start = given().get("/feed/stats").jsonPath().getLong("head");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> listeners() >= 1);
        try (SseClient client = new SseClient(stream + "?subject=" + subject + "&after=" + start, Map.of());
             Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            assertEquals(200, client.status());
            assertTrue(terminateListeners() >= 1, "the listener's backend is killed");
            ChangeEvent whileAway = Events.catalog(subject, "updated", 1);
            events.send(whileAway);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.events().size() == 1);
            assertTrue(client.events().get(0).data().contains(whileAway.id().toString()));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> listeners() >= 1);
            ChangeEvent after = Events.catalog(subject, "updated", 2);
            events.send(after);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.events().size() == 2);
            assertTrue(client.events().get(1).data().contains(after.id().toString()), "NOTIFY wakes it again");
        }
    }

    private int listeners() throws Exception {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'feed-service-listener'");
    }

    private int terminateListeners() throws Exception {
        return count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'feed-service-listener') AS t");
    }

    private int count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
