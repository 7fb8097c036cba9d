package dev.stackpulse.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Faults 5-7: bad records produced raw to the real topics (as kcat would), spread through a burst of good ones on
 * every partition. No good event is lost or doubled, every bad one is in feed.dead-letter with its reason, no
 * partition stalls, health stays UP.
 */
class BadRecordFaultTest {

    private static final int GOOD = 2_000;
    private static final int BAD_EVERY = 50;

    private final SystemStack stack = SystemStack.get();

    @Test
    void poisonRecordsAreDeadLetteredAndNothingStalls() {
        run("poison", i -> switch (i % 5) {
            case 0 -> bad(Topics.CATALOG, "ce_type", "catalog." + "t".repeat(240) + ".updated", null);
            case 1 -> bad(Topics.CATALOG, null, null, "{\"key\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8));
            case 2 -> bad(Topics.SUMMIT, "ce_time", "+294277-01-01T00:00:00Z", null);
            case 3 -> bad(Topics.SUMMIT, null, null, new byte[] {'{', '"', 'k', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
            default -> bad(Topics.CATALOG, null, null, "{\"n\":1e1000000}".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void oversizedRecordsAreDeadLetteredAndNothingStalls() {
        byte[] big = ("{\"key\":\"" + "x".repeat(900 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        run("oversized", i -> bad(i % 2 == 0 ? Topics.CATALOG : Topics.SUMMIT, null, null, big));
    }

    @Test
    void forgedRecordsAreDeadLetteredAndNothingStalls() {
        run("forged", i -> switch (i % 3) {
            case 0 -> bad(Topics.CATALOG, "ce_source", "/evil-service", null);
            case 1 -> bad(Topics.CATALOG, "ce_type", "summit.summit.updated", null);
            default -> bad(Topics.SUMMIT, "ce_source", "/catalog-service", null);
        });
    }

    /** What to break in a bad record: one header replaced, or the value. */
    private record Bad(String topic, String header, String headerValue, byte[] value) {
    }

    private static Bad bad(String topic, String header, String headerValue, byte[] value) {
        return new Bad(topic, header, headerValue, value);
    }

    private void run(String fault, IntFunction<Bad> badRecord) {
        String prefix = "br-" + fault + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<ChangeEvent> good = new ArrayList<>();
        Set<String> badIds = new HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(); DeadLetterReader dead = new DeadLetterReader()) {
            for (int i = 0; i < GOOD; i++) {
                boolean catalog = i % 2 == 0;
                String subject = prefix + (i % 60);
                ChangeEvent event = Events.change(catalog ? "/catalog-service" : "/summit-service",
                        catalog ? "catalog.project.updated" : "summit.summit.updated", subject, i / 60);
                producer.send(record(catalog ? Topics.CATALOG : Topics.SUMMIT, subject, event.data().getBytes(
                        StandardCharsets.UTF_8), CloudEventHeaders.write(event)));
                good.add(event);
                if (i % BAD_EVERY == 0) {
                    Bad bad = badRecord.apply(i / BAD_EVERY);
                    boolean badCatalog = bad.topic().equals(Topics.CATALOG);
                    ChangeEvent template = Events.change(badCatalog ? "/catalog-service" : "/summit-service",
                            badCatalog ? "catalog.project.updated" : "summit.summit.updated", subject, 1_000_000 + i);
                    badIds.add(template.id().toString());
                    producer.send(record(bad.topic(), subject, bad.value() != null ? bad.value()
                            : template.data().getBytes(StandardCharsets.UTF_8), replaced(template, bad)));
                }
            }
            producer.flush();

            Awaitility.await("good events stored").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), prefix).size() >= GOOD);
            long stalled = ConsumerLag.stalledPartitions(stack.infra.bootstrapServers(), "feed-service",
                    Duration.ofSeconds(60), Topics.CATALOG, Topics.SUMMIT);
            List<ConsumerRecord<byte[], byte[]>> deadLettered = dead.awaitKeyPrefix(prefix, badIds.size());
            List<FeedEntries.Entry> stored = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), prefix);
            Map<String, FeedEntries.Entry> byId = Events.byId(stored);
            long lost = good.stream().filter(e -> !byId.containsKey(e.id().toString())).count();
            long duplicates = Events.duplicates(stored);
            long badStored = stored.stream().filter(e -> badIds.contains(e.id())).count();
            long withoutReason = deadLettered.stream().filter(r -> header(r, "dead-letter-reason").isBlank()).count();
            System.out.printf("%s records: events=%d bad=%d stored=%d lost=%d duplicates=%d dead-lettered=%d "
                            + "stalled=%d%n", fault, GOOD, badIds.size(), stored.size(), lost, duplicates,
                    deadLettered.size(), stalled);
            assertEquals(0, lost, "lost");
            assertEquals(0, duplicates, "duplicates");
            assertEquals(0, badStored, "bad records stored");
            assertEquals(badIds.size(), deadLettered.size(), "dead-lettered");
            assertEquals(0, withoutReason, "dead letters without a reason");
            assertEquals(0, stalled, "stalled partitions");
        }
        given().baseUri(stack.feed.managementUrl()).get("/q/health/live").then().statusCode(200);
        given().baseUri(stack.feed.managementUrl()).get("/q/health/ready").then().statusCode(200);
    }

    private static Headers replaced(ChangeEvent event, Bad bad) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : CloudEventHeaders.write(event)) {
            if (!h.key().equals(bad.header())) {
                headers.add(h);
            }
        }
        if (bad.header() != null) {
            headers.add(bad.header(), bad.headerValue().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value, Headers headers) {
        return new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), value, headers);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads feed.dead-letter from its end at creation. */
    private final class DeadLetterReader implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

        DeadLetterReader() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.bootstrapServers());
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.DEAD_LETTER, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** The dead letters whose key starts with the prefix, once there are at least {@code count} (or after 60 s). */
        List<ConsumerRecord<byte[], byte[]>> awaitKeyPrefix(String prefix, int count) {
            try {
                Awaitility.await("dead letters").atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                    return matching(prefix).size() >= count;
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // the count is asserted by the caller
            }
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            return matching(prefix);
        }

        private List<ConsumerRecord<byte[], byte[]>> matching(String prefix) {
            return seen.stream().filter(r -> r.key() != null
                    && new String(r.key(), StandardCharsets.UTF_8).startsWith(prefix)).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
