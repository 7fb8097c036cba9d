package dev.stackpulse.feed;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces CloudEvents (binary mode) to the real topics, as catalog-service and summit-service do. */
public final class Events implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public Events(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    public static ChangeEvent catalog(String subject, String kind, long version) {
        return new ChangeEvent(UUID.randomUUID(), "/catalog-service", "catalog.project." + kind, subject,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS), version,
                "{\"slug\":\"" + subject + "\",\"name\":\"Project " + subject + "\",\"version\":" + version + "}");
    }

    public static ChangeEvent summit(String subject, String kind, long version) {
        return new ChangeEvent(UUID.randomUUID(), "/summit-service", "summit.summit." + kind, subject,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS), version,
                "{\"slug\":\"" + subject + "\",\"city\":\"Tokyo\",\"version\":" + version + "}");
    }

    /** Sends to the event's topic, keyed by subject (so one entity stays on one partition), and waits for the ack. */
    public void send(ChangeEvent event) {
        String topic = event.source().equals("/summit-service") ? Topics.SUMMIT : Topics.CATALOG;
        send(new ProducerRecord<>(topic, null, event.subject(), event.data(), CloudEventHeaders.write(event)));
    }

    /** Sends to an explicit partition. */
    public void send(ChangeEvent event, int partition) {
        String topic = event.source().equals("/summit-service") ? Topics.SUMMIT : Topics.CATALOG;
        send(new ProducerRecord<>(topic, partition, event.subject(), event.data(), CloudEventHeaders.write(event)));
    }

    public void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
