package dev.stackpulse.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Reading a record is strict: what a consumer could not store or compare is refused with the attribute named. */
class CloudEventHeadersTest {

    private static final ChangeEvent EVENT = new ChangeEvent(UUID.randomUUID(), "/catalog-service",
            "catalog.project.updated", "nova", OffsetDateTime.of(2015, 10, 27, 9, 0, 0, 0, ZoneOffset.UTC), 3, "{}");

    @Test
    void aWrittenEventReadsBack() {
        assertEquals(EVENT, CloudEventHeaders.read(CloudEventHeaders.write(EVENT), "{}"));
    }

    @Test
    void theTraceContextRoundTripsInTheDistributedTracingExtension() {
        TraceContext trace = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "congo=t61rcWkgMzE");
        Headers headers = CloudEventHeaders.write(EVENT, trace);
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", text(headers, "ce_traceparent"));
        assertEquals("congo=t61rcWkgMzE", text(headers, "ce_tracestate"));
        assertEquals(Optional.of(trace), CloudEventHeaders.traceContext(headers));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", trace.traceId());
        assertEquals("00f067aa0ba902b7", trace.spanId());
        assertEquals(EVENT, CloudEventHeaders.read(headers, "{}"), "the extension does not change the event");
    }

    @Test
    void withoutATraceContextNoExtensionHeaderIsWritten() {
        Headers headers = CloudEventHeaders.write(EVENT);
        assertNull(headers.lastHeader("ce_traceparent"));
        assertNull(headers.lastHeader("ce_tracestate"));
        assertEquals(Optional.empty(), CloudEventHeaders.traceContext(headers));
        Headers noState = CloudEventHeaders.write(EVENT,
                new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", null));
        assertNull(noState.lastHeader("ce_tracestate"));
    }

    @Test
    void aMalformedTraceContextIsIgnoredNeverRefused() {
        for (byte[] bad : List.of(bytes("garbage"), bytes("00-00000000000000000000000000000000-00f067aa0ba902b7-01"),
                bytes("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"),
                bytes("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                bytes("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"), new byte[] {'0', (byte) 0xFF})) {
            Headers headers = CloudEventHeaders.write(EVENT);
            headers.add("ce_traceparent", bad);
            assertEquals(Optional.empty(), CloudEventHeaders.traceContext(headers), new String(bad, StandardCharsets.UTF_8));
            assertEquals(EVENT, CloudEventHeaders.read(headers, "{}"));
        }
        Headers badState = CloudEventHeaders.write(EVENT);
        badState.add("ce_traceparent", bytes("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        badState.add("ce_tracestate", new byte[] {'a', '=', (byte) 0xFF});
        assertEquals(Optional.of(new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null)),
                CloudEventHeaders.traceContext(badState), "a broken tracestate is dropped, the traceparent kept");
    }

    @Test
    void invalidUtf8InAHeaderIsRefusedNotReplaced() {
        assertEquals("header ce_subject is not valid UTF-8", refused("ce_subject", new byte[] {'n', (byte) 0xFF}));
    }

    @Test
    void keyAttributesAreBoundedAndPrintable() {
        assertEquals("ce_type is 201 characters, at most 200", refused("ce_type", bytes("c".repeat(201))));
        assertEquals("ce_subject contains a control character (U+0000)", refused("ce_subject", bytes("a\u0000b")));
    }

    @Test
    void aTimeBeyondRfc3339sYearsIsRefused() {
        assertEquals("ce_time is out of range (years 0000-9999): '+10000-01-01T00:00:00Z'",
                refused("ce_time", bytes("+10000-01-01T00:00:00Z")));
    }

    @Test
    void strictUtf8DecodesValidTextAndRefusesMalformedBytes() {
        assertEquals("日本", CloudEventHeaders.strictUtf8(bytes("日本"), "data"));
        assertThrows(InvalidCloudEventException.class,
                () -> CloudEventHeaders.strictUtf8(new byte[] {(byte) 0xC3, 0x28}, "data"));
    }

    @Test
    void aPartOfAnEntityWithItsOwnVersionsHasItsOwnSubject() {
        assertEquals("5/notes", ChangeEvent.partSubject("5", "notes"));
    }

    private static String refused(String header, byte[] value) {
        Headers headers = new RecordHeaders();
        CloudEventHeaders.write(EVENT).forEach(h -> {
            if (!h.key().equals(header)) {
                headers.add(h);
            }
        });
        headers.add(header, value);
        return assertThrows(InvalidCloudEventException.class, () -> CloudEventHeaders.read(headers, "{}")).getMessage();
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
