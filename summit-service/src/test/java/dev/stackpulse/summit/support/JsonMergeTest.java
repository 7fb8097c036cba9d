package dev.stackpulse.summit.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** JSON merge patch (RFC 7396) semantics. */
class JsonMergeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void mergesReplacesAndRemoves() throws Exception {
        var target = mapper.readTree("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":[1,2],\"f\":\"x\"}");
        var patch = mapper.readTree("{\"a\":5,\"b\":{\"c\":null},\"e\":[9],\"f\":null,\"g\":true}");
        assertEquals(mapper.readTree("{\"a\":5,\"b\":{\"d\":3},\"e\":[9],\"g\":true}"), Json.merge(target, patch));
    }
}
