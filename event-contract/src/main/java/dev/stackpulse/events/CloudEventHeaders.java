package dev.stackpulse.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
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
    /** CloudEvents Distributed Tracing extension: the W3C context of the change's origin. */
    static final String TRACEPARENT = "ce_traceparent";
    static final String TRACESTATE = "ce_tracestate";

    private CloudEventHeaders() {
    }

    public static Headers write(ChangeEvent event) {
        return write(event, null);
    }

    /** The event's headers, with the Distributed Tracing extension when {@code trace} is not null. */
    public static Headers write(ChangeEvent event, TraceContext trace) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC, SPEC_VERSION);
        add(headers, ID, event.id().toString());
        add(headers, SOURCE, event.source());
        add(headers, TYPE, event.type());
        add(headers, SUBJECT, event.subject());
        add(headers, TIME, Rfc3339.format(event.time()));
        add(headers, VERSION, Long.toString(event.entityVersion()));
        add(headers, CONTENT_TYPE_HEADER, CONTENT_TYPE);
        if (trace != null) {
            add(headers, TRACEPARENT, trace.traceparent());
            if (trace.tracestate() != null) {
                add(headers, TRACESTATE, trace.tracestate());
            }
        }
        return headers;
    }

    /**
     * The Distributed Tracing extension of a record: empty when absent or malformed. Never refuses a record: a
     * broken trace context loses the trace, not the change.
     */
    public static Optional<TraceContext> traceContext(Headers headers) {
        return TraceContext.of(textOrNull(headers, TRACEPARENT), textOrNull(headers, TRACESTATE));
    }

    private static String textOrNull(Headers headers, String name) {
        try {
            return text(headers, name);
        } catch (InvalidCloudEventException notUtf8) {
            return null;
        }
    }

    /**
     * Reads a record written in binary mode.
     *
     * @throws InvalidCloudEventException naming the first attribute that is missing or malformed (also: not valid
     *         UTF-8, a key attribute longer than {@link ChangeEvent#MAX_ATTRIBUTE_LENGTH} or with a control character,
     *         a time outside RFC 3339's years)
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
        return new ChangeEvent(uuid(required(headers, ID)), attribute(headers, SOURCE), attribute(headers, TYPE),
                attribute(headers, SUBJECT), time(required(headers, TIME)), version(headers), data);
    }

    /**
     * Decodes bytes as UTF-8, refusing malformed input instead of replacing it with U+FFFD.
     *
     * @throws InvalidCloudEventException naming {@code what}
     */
    public static String strictUtf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCloudEventException(what + " is not valid UTF-8");
        }
    }

    /** A key attribute: required, at most {@link ChangeEvent#MAX_ATTRIBUTE_LENGTH} characters, no control characters. */
    private static String attribute(Headers headers, String name) {
        String value = required(headers, name);
        if (value.length() > ChangeEvent.MAX_ATTRIBUTE_LENGTH) {
            throw new InvalidCloudEventException(name + " is " + value.length() + " characters, at most "
                    + ChangeEvent.MAX_ATTRIBUTE_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidCloudEventException(name + " contains a control character (U+"
                        + String.format("%04X", (int) value.charAt(i)) + ")");
            }
        }
        return value;
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
            OffsetDateTime time = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            // RFC 3339 has four-digit years; beyond them PostgreSQL and most consumers refuse the time.
            if (time.getYear() < 0 || time.getYear() > 9999) {
                throw new InvalidCloudEventException(TIME + " is out of range (years 0000-9999): '" + value + "'");
            }
            return time;
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
        return header == null || header.value() == null ? null : strictUtf8(header.value(), "header " + name);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
