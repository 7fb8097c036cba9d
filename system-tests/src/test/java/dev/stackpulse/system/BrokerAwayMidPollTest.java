package dev.stackpulse.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Fault 6: the broker goes away while feed-service holds a poll it has fetched but not yet handled (its database was
 * busy with the one before). When the broker returns, that poll and everything published later is ingested, once.
 */
class BrokerAwayMidPollTest {

    private static final int LATER_EVENTS = 30;
    // The Kafka binder's meter moves from client-level tags to per-topic tags once a topic is seen: read either.
    private static final Pattern CONSUMED = Pattern.compile(
            "kafka_consumer_fetch_manager_records_consumed_total\\{client_id=\"kafka-consumer-catalog-events\""
                    + "[^}]*} ([0-9.E+]+)");

    private final SystemStack stack = SystemStack.get();

    @Test
    void polledRecordsSurviveABrokerThatLeavesBeforeTheyAreHandled() throws Exception {
        // A fresh consumer: it has seen no partition yet, as after any start or rebalance.
        stack.feed.stop();
        stack.feed.start();
        ConsumerLag.awaitCaughtUp(stack.infra.bootstrapServers(), "feed-service", Topics.CATALOG,
                Duration.ofSeconds(60));
        double consumedBefore = consumedRecords();
        List<ChangeEvent> sent = new ArrayList<>();
        try (Connection holder = feedDatabase();
             KafkaProducer<String, String> producer = Events.producer(stack.infra.bootstrapServers())) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE feed_position IN EXCLUSIVE MODE");
            }
            sent.add(send(producer, 0, "bp-0"));
            Awaitility.await("ingest waiting for the database").atMost(Duration.ofSeconds(30))
                    .until(() -> ingestSessionsWaitingOnALock() > 0);
            // The next poll, from the partitions not seen yet, waits in the consumer while the first one is handled.
            sent.add(send(producer, 1, "bp-1"));
            sent.add(send(producer, 2, "bp-2"));
            Awaitility.await("the next poll fetched, not yet handled").atMost(Duration.ofSeconds(30))
                    .until(() -> consumedRecords() > consumedBefore + 1);
            stack.infra.command("kafka-stop");
            holder.rollback();
        }
        try {
            Awaitility.await("the held poll stored while the broker is away").atMost(Duration.ofSeconds(30))
                    .until(() -> stored("bp-0") == 1);
            // The outage outlasts any client timeout the feed could hit on the polled records; it says so meanwhile.
            Awaitility.await("feed unready for the whole outage").during(Duration.ofSeconds(8))
                    .atMost(Duration.ofSeconds(15)).until(() -> stack.feed.readinessStatus() == 503);
        } finally {
            stack.infra.command("kafka-start");
        }
        try (KafkaProducer<String, String> producer = Events.producer(stack.infra.bootstrapServers())) {
            for (int i = 3; i < 3 + LATER_EVENTS; i++) {
                sent.add(send(producer, i % 3, "bp-" + i));
            }
        }

        Awaitility.await("every event ingested after the broker returned").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).until(() -> stored("bp-%") >= sent.size());
        Awaitility.await("feed ready and live again").atMost(Duration.ofSeconds(60))
                .until(() -> stack.feed.readinessStatus() == 200 && stack.feed.livenessStatus() == 200);
        List<FeedEntries.Entry> entries = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "bp-");
        assertEquals(sent.size(), entries.size(), "each event once");
        assertEquals(0, Events.duplicates(entries), "duplicates");
    }

    private static ChangeEvent send(KafkaProducer<String, String> producer, int partition, String subject)
            throws Exception {
        ChangeEvent event = Events.change("/catalog-service", "catalog.project.updated", subject, 1);
        ProducerRecord<String, String> keyed = Events.record(Topics.CATALOG, event);
        producer.send(new ProducerRecord<>(keyed.topic(), partition, keyed.key(), keyed.value(), keyed.headers()))
                .get();
        return event;
    }

    private double consumedRecords() {
        String metrics = given().baseUri(stack.feed.managementUrl()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher m = CONSUMED.matcher(metrics);
        double consumed = 0;
        while (m.find()) {
            consumed = Math.max(consumed, Double.parseDouble(m.group(1)));
        }
        return consumed;
    }

    private Connection feedDatabase() throws Exception {
        return DriverManager.getConnection(stack.infra.jdbcUrl("feed"), "stackpulse", "stackpulse");
    }

    private long ingestSessionsWaitingOnALock() throws Exception {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = 'feed' AND wait_event_type = 'Lock'");
    }

    private long stored(String subjectPattern) throws Exception {
        return count("SELECT count(*) FROM feed_entry WHERE subject LIKE '" + subjectPattern + "'");
    }

    private long count(String sql) throws Exception {
        try (Connection db = feedDatabase(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
