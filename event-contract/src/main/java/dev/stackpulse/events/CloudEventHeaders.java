package dev.stackpulse.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes in {@code ce_*} headers, data as the value. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** Extension attribute carrying the entity's version, so consumers can drop stale or repeated changes. */
    public static final String VERSION_EXTENSION = "entityversion";

    static final String ID = "ce_id";
    static final String SOURCE = "ce_source";
    static final String SPEC = "ce_specversion";
    static final String TYPE = "ce_type";
    static final String SUBJECT = "ce_subject";
    static final String TIME = "ce_time";
    static final String VERSION = "ce_" + VERSION_EXTENSION;
    static final String CONTENT_TYPE_HEADER = "content-type";

    private CloudEventHeaders() {
    }

    public static Headers write(ChangeEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC, SPEC_VERSION);
        add(headers, ID, event.id().toString());
        add(headers, SOURCE, event.source());
        add(headers, TYPE, event.type());
        add(headers, SUBJECT, event.subject());
        add(headers, TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time()));
        add(headers, VERSION, Long.toString(event.entityVersion()));
        add(headers, CONTENT_TYPE_HEADER, CONTENT_TYPE);
        return headers;
    }

    /**
     * Reads a record written in binary mode.
     *
     * @throws InvalidCloudEventException naming the first attribute that is missing or malformed
     */
    public static ChangeEvent read(Headers headers, String data) {
        String spec = required(headers, SPEC);
        if (!SPEC_VERSION.equals(spec)) {
            throw new InvalidCloudEventException("unsupported ce_specversion '" + spec + "'");
        }
        String contentType = text(headers, CONTENT_TYPE_HEADER);
        if (contentType != null && !contentType.startsWith(CONTENT_TYPE)) {
            throw new InvalidCloudEventException("content-type must be " + CONTENT_TYPE + ", was " + contentType);
        }
        if (data == null) {
            throw new InvalidCloudEventException("record has no data");
        }
        return new ChangeEvent(uuid(required(headers, ID)), required(headers, SOURCE), required(headers, TYPE),
                required(headers, SUBJECT), time(required(headers, TIME)), version(headers), data);
    }

    private static long version(Headers headers) {
        String value = required(headers, VERSION);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidCloudEventException(VERSION + " is not a number: '" + value + "'");
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudEventException(ID + " is not a UUID: '" + value + "'");
        }
    }

    private static OffsetDateTime time(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException(TIME + " is not an RFC 3339 time: '" + value + "'");
        }
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEventException("missing header " + name);
        }
        return value;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
