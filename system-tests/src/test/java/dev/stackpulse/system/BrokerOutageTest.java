package dev.stackpulse.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Fault 1: Kafka is down while writes are acknowledged; when it returns, the feed holds each of them once. */
class BrokerOutageTest {

    private static final int WRITES_PER_SERVICE = 250;

    private final SystemStack stack = SystemStack.get();
    private final Writes writes = new Writes(stack);

    @Test
    void everyWriteAcknowledgedWhileKafkaIsDownReachesTheFeedOnce() {
        Set<String> acknowledged = new HashSet<>();
        stack.infra.command("kafka-stop");
        try {
            Awaitility.await("readiness DOWN without Kafka").atMost(Duration.ofSeconds(60))
                    .until(() -> stack.catalog.readinessStatus() == 503 && stack.feed.readinessStatus() == 503);
            assertEquals(200, stack.catalog.livenessStatus(), "a broker outage is no reason to restart the pod");
            for (int i = 0; i < WRITES_PER_SERVICE; i++) {
                String project = "bo-p-" + i;
                writes.createProject(project).then().statusCode(201);
                acknowledged.add(project);
                String summit = "bo-s-" + i;
                writes.createSummit(summit).then().statusCode(201);
                acknowledged.add(summit);
            }
        } finally {
            stack.infra.command("kafka-start");
        }
        Awaitility.await("readiness UP again").atMost(Duration.ofSeconds(60)).until(() ->
                stack.catalog.readinessStatus() == 200 && stack.summit.readinessStatus() == 200
                        && stack.feed.readinessStatus() == 200);

        Awaitility.await("all acknowledged writes in the feed").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "bo-").size() >= acknowledged.size());

        List<FeedEntries.Entry> entries = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "bo-");
        Set<String> subjects = entries.stream().map(FeedEntries.Entry::subject).collect(Collectors.toSet());
        long distinctIds = entries.stream().map(FeedEntries.Entry::id).distinct().count();
        int lost = (int) acknowledged.stream().filter(s -> !subjects.contains(s)).count();
        int duplicates = (int) (entries.size() - distinctIds);
        System.out.printf("broker outage: writes=%d events=%d lost=%d duplicates=%d%n", acknowledged.size(),
                entries.size(), lost, duplicates);
        assertEquals(0, lost, "lost");
        assertEquals(0, duplicates, "duplicates");
        assertEquals(acknowledged.size(), entries.size(), "one event per write");
    }
}
