package dev.stackpulse.feed.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.InvalidCloudEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Everything a record must be before it is stored: small enough, valid UTF-8, a CloudEvent of the contract from a
 * source and with a type the topic accepts, and data that PostgreSQL's jsonb takes. What fails here is
 * dead-lettered with the message as reason, so nothing the database would refuse ever reaches a batch.
 */
@ApplicationScoped
public class RecordCheck {

    /** {@code <service>.<entity>.<created|updated|deleted>}, as {@link ChangeEvent#type} builds it. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.(created|updated|deleted)");

    private final IngestConfig config;
    private final ObjectMapper mapper;

    public RecordCheck(IngestConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * The record's event.
     *
     * @throws InvalidCloudEventException with the reason the record is refused
     */
    public ChangeEvent check(ConsumerRecord<byte[], byte[]> record) {
        long size = size(record);
        if (size > config.maxEventBytes()) {
            throw new InvalidCloudEventException("record is " + size + " bytes, more than the limit of "
                    + config.maxEventBytes() + " (feed.ingest.max-event-bytes)");
        }
        if (record.value() == null) {
            throw new InvalidCloudEventException("record has no data");
        }
        String data = CloudEventHeaders.strictUtf8(record.value(), "data");
        ChangeEvent event = CloudEventHeaders.read(record.headers(), data);
        accepted(record.topic(), event);
        requireStorableJson(data);
        return event;
    }

    private void accepted(String topic, ChangeEvent event) {
        IngestConfig.TopicRule rule = config.topics().get(topic);
        if (rule == null) {
            throw new InvalidCloudEventException("topic " + topic + " has no ingest rule (feed.ingest.topics)");
        }
        if (!rule.sources().contains(event.source())) {
            throw new InvalidCloudEventException("ce_source '" + event.source() + "' is not accepted on " + topic
                    + " (accepted: " + String.join(", ", rule.sources()) + ")");
        }
        if (rule.typePrefixes().stream().noneMatch(event.type()::startsWith)) {
            throw new InvalidCloudEventException("ce_type '" + event.type() + "' is not accepted on " + topic
                    + " (accepted prefixes: " + String.join(", ", rule.typePrefixes()) + ")");
        }
        if (!TYPE.matcher(event.type()).matches()) {
            throw new InvalidCloudEventException("ce_type '" + event.type()
                    + "' is not <service>.<entity>.<created|updated|deleted>");
        }
    }

    /** One JSON value and nothing after it, and no string jsonb refuses (U+0000, an unpaired surrogate). */
    private void requireStorableJson(String data) {
        try (JsonParser parser = mapper.getFactory().createParser(data)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new InvalidCloudEventException("data is empty, not JSON");
            }
            int depth = 0;
            do {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    storableText(parser.getText());
                }
                token = depth > 0 ? parser.nextToken() : null;
            } while (token != null);
            if (parser.nextToken() != null) {
                throw new InvalidCloudEventException("data is not JSON: content after the value");
            }
        } catch (IOException e) {
            throw new InvalidCloudEventException("data is not JSON");
        }
    }

    private static void storableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new InvalidCloudEventException("data contains U+0000, which PostgreSQL does not store");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
                    || Character.isLowSurrogate(c)) {
                throw new InvalidCloudEventException("data contains an unpaired surrogate");
            }
        }
    }

    private static long size(ConsumerRecord<byte[], byte[]> record) {
        long size = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }
}
