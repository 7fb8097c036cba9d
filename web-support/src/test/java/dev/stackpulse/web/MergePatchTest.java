package dev.stackpulse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.Rfc3339;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** RFC 7396's own examples (appendix A) through the one merge patch, and the one time format. */
class MergePatchTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void mergesLikeTheRfcExamples() throws Exception {
        assertEquals(json("{\"a\":\"z\",\"c\":{\"d\":\"e\"}}"),
                MergePatch.merge(json("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"}}"), json("{\"a\":\"z\",\"c\":{\"f\":null}}")));
        assertEquals(json("{\"a\":[\"c\"]}"), MergePatch.merge(json("{\"a\":[\"b\"]}"), json("{\"a\":[\"c\"]}")));
        assertEquals(json("{\"a\":{\"bb\":{}}}"), MergePatch.merge(json("{}"), json("{\"a\":{\"bb\":{\"ccc\":null}}}")));
        assertEquals(json("[\"c\"]"), MergePatch.merge(json("{\"a\":\"foo\"}"), json("[\"c\"]")));
    }

    /** A typed input with a decimal: the patch round trip must keep 60.0 as written, not turn it into 6E+1. */
    public record Share(java.math.BigDecimal percent, String label) {
    }

    @Test
    void decimalsSurviveThePatchRoundTrip() throws Exception {
        MergePatch patch = new MergePatch(mapper, jakarta.validation.Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator());
        Share patched = patch.apply(new Share(new java.math.BigDecimal("60"), "Europe"), "{\"label\":\"EU\"}", Share.class);
        assertEquals("60", patched.percent().toPlainString());
        assertEquals("{\"percent\":60,\"label\":\"EU\"}", mapper.writeValueAsString(patched));
    }

    @Test
    void timesHaveOneShape() {
        OffsetDateTime tokyo = OffsetDateTime.of(2015, 10, 27, 18, 0, 0, 123_456_789, ZoneOffset.ofHours(9));
        assertEquals("2015-10-27T09:00:00.123Z", Rfc3339.format(tokyo));
        assertEquals("2015-10-27T09:00:00.000Z", Rfc3339.format(tokyo.withNano(0)));
        assertEquals(0, Rfc3339.now().getNano() % 1_000_000);
    }

    private com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }
}
