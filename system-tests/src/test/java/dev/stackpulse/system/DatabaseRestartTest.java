package dev.stackpulse.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Fault 4: PostgreSQL restarts under load; services report it, answer 503 meanwhile, recover by themselves. */
class DatabaseRestartTest {

    private final SystemStack stack = SystemStack.get();
    private final Writes writes = new Writes(stack);

    @Test
    void servicesRideOutADatabaseRestart() {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger served503 = new AtomicInteger();
        AtomicInteger otherFailures = new AtomicInteger();
        Set<Integer> otherStatuses = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String slug = "dr-" + i;
                int status = writes.createProject(slug).statusCode();
                if (status == 201) {
                    acknowledged.add(slug);
                } else if (status == 503) {
                    served503.incrementAndGet();
                } else {
                    otherFailures.incrementAndGet();
                    otherStatuses.add(status);
                }
            }
        });
        load.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);

        stack.infra.command("pg-stop");
        try {
            Awaitility.await("readiness DOWN").atMost(Duration.ofSeconds(60)).until(() ->
                    stack.catalog.readinessStatus() == 503 && stack.feed.readinessStatus() == 503);
            given().baseUri(stack.catalog.baseUrl()).get("/projects/dr-0").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
            Awaitility.await("a write refused with 503").atMost(Duration.ofSeconds(30))
                    .until(() -> served503.get() > 0);
        } finally {
            stack.infra.command("pg-start");
        }
        Awaitility.await("readiness UP without a restart").atMost(Duration.ofSeconds(60)).until(() ->
                stack.catalog.readinessStatus() == 200 && stack.summit.readinessStatus() == 200
                        && stack.feed.readinessStatus() == 200);
        stop.set(true);
        joinQuietly(load);

        // After recovery no request fails.
        int failuresAfter = 0;
        for (int i = 0; i < 50; i++) {
            String slug = "dr-after-" + i;
            if (writes.createProject(slug).statusCode() == 201) {
                acknowledged.add(slug);
            } else {
                failuresAfter++;
            }
        }
        Awaitility.await("every acknowledged write in the feed").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).until(() -> subjectsInFeed().containsAll(acknowledged));
        List<FeedEntries.Entry> stored = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "dr-");
        long lost = acknowledged.stream().filter(s -> !subjectsInFeed().contains(s)).count();
        long duplicates = Events.duplicates(stored);
        System.out.printf("database restart: acknowledged=%d refused-503=%d other-failures=%d failures-after=%d "
                + "lost=%d duplicates=%d%n", acknowledged.size(), served503.get(), otherFailures.get(),
                failuresAfter, lost, duplicates);
        assertEquals(0, otherFailures.get(), "during the outage every refused write says 503, not " + otherStatuses);
        assertEquals(0, failuresAfter, "after recovery no request fails");
        assertEquals(0, lost, "lost");
        assertEquals(0, duplicates, "duplicates");
    }

    private Set<String> subjectsInFeed() {
        return FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "dr-").stream().map(FeedEntries.Entry::subject)
                .collect(Collectors.toSet());
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
