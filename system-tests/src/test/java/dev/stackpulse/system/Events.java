package dev.stackpulse.system;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces contract-conforming CloudEvents straight to a topic, and counts figures over feed entries. */
final class Events {

    private Events() {
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props);
    }

    static ChangeEvent change(String source, String type, String subject, long version) {
        return new ChangeEvent(UUID.randomUUID(), source, type, subject, OffsetDateTime.now(ZoneOffset.UTC), version,
                "{\"key\":\"" + subject + "\",\"version\":" + version + "}");
    }

    static ProducerRecord<String, String> record(String topic, ChangeEvent event) {
        return new ProducerRecord<>(topic, null, event.subject(), event.data(), CloudEventHeaders.write(event));
    }

    /** How many entries carry an id that another entry already carries. */
    static long duplicates(List<FeedEntries.Entry> entries) {
        Map<String, Long> perId = entries.stream()
                .collect(Collectors.groupingBy(FeedEntries.Entry::id, Collectors.counting()));
        return perId.values().stream().mapToLong(n -> n - 1).sum();
    }

    static Map<String, FeedEntries.Entry> byId(List<FeedEntries.Entry> entries) {
        return entries.stream().collect(Collectors.toMap(FeedEntries.Entry::id, Function.identity(), (a, b) -> a));
    }
}
