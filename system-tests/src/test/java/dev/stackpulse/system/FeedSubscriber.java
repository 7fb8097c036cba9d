package dev.stackpulse.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live feed subscriber through a standard SSE client (Jakarta REST's SseEventSource, RESTEasy): it reconnects by
 * itself with Last-Event-ID; if it gives up (the replica refused it while down) it is reopened after what it has.
 */
final class FeedSubscriber implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Client client = ClientBuilder.newClient();
    private final String feedUrl;
    private final List<Long> positions = new ArrayList<>();
    private final Set<String> subjects = new HashSet<>();
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "feed-subscriber-keeper");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long last;
    private volatile boolean closed;
    // Guards the source only: an open() waiting for a connection must not hold up what the reader delivers.
    private final Object sourceLock = new Object();
    private SseEventSource source;

    FeedSubscriber(String feedUrl, long after) {
        this.feedUrl = feedUrl;
        this.last = after;
        synchronized (sourceLock) {
            open();
        }
        keeper.scheduleWithFixedDelay(this::reopenIfClosed, 300, 300, TimeUnit.MILLISECONDS);
    }

    synchronized List<Long> positions() {
        return List.copyOf(positions);
    }

    synchronized Set<String> subjects() {
        return Set.copyOf(subjects);
    }

    private void open() {
        SseEventSource next = SseEventSource.target(client.target(feedUrl).path("feed/stream").queryParam("after", last))
                .reconnectingEvery(300, TimeUnit.MILLISECONDS).build();
        next.register(this::received, error -> { }, () -> { });
        source = next;
        next.open();
    }

    private void received(InboundSseEvent event) {
        if (event.getId() == null || event.getName() != null) {
            return;
        }
        long position = Long.parseLong(event.getId());
        String subject;
        try {
            subject = JSON.readTree(event.readData()).path("subject").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            positions.add(position);
            subjects.add(subject);
            last = position;
        }
    }

    /** Reopens a source that gave up, from the last position it got (run every 300 ms by the keeper). */
    private void reopenIfClosed() {
        synchronized (sourceLock) {
            if (!closed && !source.isOpen()) {
                source.close();
                open();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        keeper.shutdownNow();
        synchronized (sourceLock) {
            source.close();
        }
        client.close();
    }
}
