package dev.stackpulse.feed;

import static dev.stackpulse.feed.RawRecords.headers;
import static dev.stackpulse.feed.RawRecords.utf8;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.TraceContext;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Ingest continues the trace a CloudEvent carries in ce_traceparent, one span per record; a broken one is ignored.
 * The live stream's hand-over of the stored entry continues it again, as a child of the ingest span.
 */
@QuarkusTest
class IngestTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("stackpulse.ingest.outcome");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    @Inject
    InMemorySpanExporter spans;

    @TestHTTPResource("/feed/stream")
    URL stream;

    @Test
    void ingestingARecordContinuesItsTrace() {
        String key = "traced-" + UUID.randomUUID();
        ChangeEvent event = Events.catalog(key, "created", 0);
        TraceContext origin = randomContext();
        try (RawRecords raw = new RawRecords(SharedInfra.infra().bootstrapServers())) {
            raw.send(Topics.CATALOG, key, utf8(event.data()), CloudEventHeaders.write(event, origin));
        }
        SpanData ingest = awaitSpan(s -> s.getTraceId().equals(origin.traceId()));
        assertEquals("process " + Topics.CATALOG, ingest.getName());
        assertEquals(SpanKind.CONSUMER, ingest.getKind());
        assertEquals(origin.spanId(), ingest.getParentSpanId(), "a child of the span the event was written in");
        assertEquals("stored", ingest.getAttributes().get(OUTCOME));
        assertEquals(event.id().toString(), ingest.getAttributes().get(MESSAGE_ID));
    }

    @Test
    void theLiveStreamContinuesTheTraceOfTheIngest() throws Exception {
        String key = "streamed-" + UUID.randomUUID();
        ChangeEvent event = Events.catalog(key, "created", 0);
        TraceContext origin = randomContext();
        try (SseClient client = new SseClient(stream + "?subject=" + key, Map.of());
             RawRecords raw = new RawRecords(SharedInfra.infra().bootstrapServers())) {
            raw.send(Topics.CATALOG, key, utf8(event.data()), CloudEventHeaders.write(event, origin));
            Awaitility.await().atMost(WAIT).until(() -> client.events().size() == 1);
            SpanData ingest = awaitSpan(s -> s.getTraceId().equals(origin.traceId()));
            SpanData send = Awaitility.await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.PRODUCER && s.getTraceId().equals(origin.traceId()))
                    .findFirst(), Optional::isPresent).orElseThrow();
            assertEquals("send /feed/stream", send.getName());
            assertEquals(ingest.getSpanId(), send.getParentSpanId(), "a child of the ingest span");
            assertEquals(event.id().toString(), send.getAttributes().get(MESSAGE_ID));
            assertEquals(Long.parseLong(client.events().get(0).id()),
                    send.getAttributes().get(AttributeKey.longKey("stackpulse.feed.position")));
        }
    }

    @Test
    void aMalformedTraceparentIsIgnoredAndTheRecordStored() {
        String key = "badtrace-" + UUID.randomUUID();
        ChangeEvent event = Events.catalog(key, "created", 0);
        try (RawRecords raw = new RawRecords(SharedInfra.infra().bootstrapServers())) {
            raw.send(Topics.CATALOG, key, utf8(event.data()), headers(event, "ce_traceparent", utf8("00-not-a-trace")));
        }
        Awaitility.await().atMost(WAIT).until(() -> given().queryParam("subject", key).get("/feed").then()
                .extract().jsonPath().getList("items").size() == 1);
        SpanData ingest = awaitSpan(s -> event.id().toString().equals(s.getAttributes().get(MESSAGE_ID)));
        assertFalse(ingest.getParentSpanContext().isValid(), "a trace of its own");
        assertEquals("stored", ingest.getAttributes().get(OUTCOME));
    }

    @Test
    void aRefusedRecordsSpanSaysWhyInItsTrace() {
        String key = "refusedtrace-" + UUID.randomUUID();
        ChangeEvent event = Events.catalog(key, "created", 0);
        TraceContext origin = randomContext();
        try (RawRecords raw = new RawRecords(SharedInfra.infra().bootstrapServers())) {
            raw.send(Topics.CATALOG, key, utf8("{\"slug\":"), CloudEventHeaders.write(event, origin));
        }
        SpanData ingest = awaitSpan(s -> s.getTraceId().equals(origin.traceId()));
        assertEquals("dead-lettered", ingest.getAttributes().get(OUTCOME));
        assertEquals(StatusCode.ERROR, ingest.getStatus().getStatusCode());
        assertNotEquals("", ingest.getStatus().getDescription());
    }

    private SpanData awaitSpan(Predicate<SpanData> matching) {
        return Awaitility.await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER).filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static TraceContext randomContext() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String span = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return new TraceContext("00-" + trace + "-" + span + "-01", "stackpulse=test");
    }
}
