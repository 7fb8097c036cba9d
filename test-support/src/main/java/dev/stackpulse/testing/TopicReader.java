package dev.stackpulse.testing;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its current end (what a test's actions publish), across all partitions. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.infra().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    /** Starts reading at the topic's current end. */
    public static TopicReader fromNow(String topic) {
        return new TopicReader(topic);
    }

    /** Waits until records matching the predicate number at least {@code count}; returns those matching. */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> matching, int count,
                                                       Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> {
            poll(Duration.ofMillis(200));
            return seen.stream().filter(matching).count() >= count;
        });
        return seen.stream().filter(matching).toList();
    }

    /** Everything read so far, after draining what arrives within {@code quiet}. */
    public List<ConsumerRecord<String, String>> drain(Duration quiet) {
        poll(quiet);
        return List.copyOf(seen);
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
