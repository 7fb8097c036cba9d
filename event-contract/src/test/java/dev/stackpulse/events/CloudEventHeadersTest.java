package dev.stackpulse.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
