package dev.stackpulse.catalog.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.TraceContext;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** One trace from the writer's request through the outbox row to the record on the topic. */
@QuarkusTest
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theWritesTraceReachesTheTopicInCeTraceparent() {
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            given().contentType("application/json")
                    .header("Authorization", SharedInfra.tokens().editor())
                    .body("""
                            {"slug":"traced-nova","name":"Nova","serviceName":"Compute service",
                             "serviceType":"compute","tier":"core"}""")
                    .post("/projects")
                    .then().statusCode(201);

            ConsumerRecord<String, String> record = topic.awaitRecords(r -> "traced-nova".equals(r.key()), 1,
                    Duration.ofSeconds(20)).get(0);
            TraceContext trace = CloudEventHeaders.traceContext(record.headers()).orElseThrow();
            assertNull(record.headers().lastHeader("traceparent"), "one context on the record: the CloudEvent's");

            // The write's server span is the event's origin; the relay's produce span continues it.
            SpanData write = await(trace, SpanKind.SERVER);
            assertEquals(trace.spanId(), write.getSpanId(), "ce_traceparent names the writer's span");
            SpanData publish = await(trace, SpanKind.PRODUCER);
            assertEquals("publish " + Topics.CATALOG, publish.getName());
            assertEquals(write.getSpanId(), publish.getParentSpanId());
            assertEquals(CloudEventHeaders.read(record.headers(), record.value()).id().toString(),
                    publish.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("messaging.message.id")));
        }
    }

    private SpanData await(TraceContext trace, SpanKind kind) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(trace.traceId()) && s.getKind() == kind).findFirst(),
                Optional::isPresent).orElseThrow();
    }
}
