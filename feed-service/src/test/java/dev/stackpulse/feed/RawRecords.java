package dev.stackpulse.feed;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produces raw bytes to the real topics, as kcat or any client with write access would: no contract enforced. */
final class RawRecords implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    RawRecords(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** The headers the contract writes for the event, with one header replaced by raw bytes (null: left out). */
    static Headers headers(ChangeEvent event, String name, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(event).forEach(h -> {
            if (!h.key().equals(name)) {
                headers.add(h);
            }
        });
        if (value != null) {
            headers.add(name, value);
        }
        return headers;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void send(String topic, String key, byte[] value, Headers headers) {
        send(new ProducerRecord<>(topic, null, utf8(key), value, headers));
    }

    void send(ProducerRecord<byte[], byte[]> record) {
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
