package dev.stackpulse.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A write acknowledged while the broker is down is published once it is back, exactly once. */
@QuarkusTest
class KafkaOutageTest {

    @Test
    void writeDuringOutageIsPublishedAfterRecovery() {
        String slug = TestData.unique("outage");
        SharedInfra.infra().command("kafka-stop");
        try {
            TestData.editor().body(TestData.projectJson(slug, "optional")).post("/projects").then().statusCode(201);
            TestData.putKilo(slug, 42);
        } finally {
            SharedInfra.infra().command("kafka-start");
        }
        given().get("/projects/" + slug).then().statusCode(200);

        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CATALOG, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(Topics.CATALOG, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (slug.equals(r.key()) || ("kilo/" + slug).equals(r.key())) {
                        seen.add(r);
                    }
                });
                return seen.size() >= 2;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (slug.equals(r.key()) || ("kilo/" + slug).equals(r.key())) {
                    seen.add(r);
                }
            });
        }
        assertEquals(2, seen.size(), "each acknowledged write published once");
        List<String> types = seen.stream().map(r -> CloudEventHeaders.read(r.headers(), r.value()))
                .map(ChangeEvent::type).sorted().toList();
        assertEquals(List.of("catalog.adoption.created", "catalog.project.created"), types);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.infra().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }
}
