package dev.stackpulse.feed.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One SSE connection, created once the hub admitted it (it gives the slot back on close). All sends happen in one drain loop at a time (never two writers), in position order;
 * {@code cursor} only moves forward, so nothing is sent twice and nothing after the cursor is skipped.
 */
public class Subscriber {

    private static final int PAGE = 500;
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final StreamHub hub;
    private final FeedQuery query;
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper mapper;
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean heartbeatDue = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long clientRetryMillis;
    private long cursor;

    public Subscriber(StreamHub hub, long cursor, FeedQuery query, SseEventSink sink, Sse sse, ObjectMapper mapper,
                      long clientRetryMillis) {
        this.hub = hub;
        this.cursor = cursor;
        this.query = query;
        this.sink = sink;
        this.sse = sse;
        this.mapper = mapper;
        this.clientRetryMillis = clientRetryMillis;
    }

    /**
     * Sends the response headers and a first comment on the request thread, before the resource method returns,
     * so no later send from the drain thread can race the framework's own initial response.
     */
    void greet() throws Exception {
        send(sse.newEventBuilder().comment("stream after position " + cursor).reconnectDelay(clientRetryMillis)
                .build());
    }

    /** Schedules a drain; concurrent calls collapse into at most one extra pass. */
    void wake() {
        if (work.getAndIncrement() == 0) {
            try {
                hub.senders().execute(this::drain);
            } catch (RuntimeException rejected) {
                close();
            }
        }
    }

    void heartbeat() {
        heartbeatDue.set(true);
        wake();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            hub.unsubscribe(this);
            hub.release();
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // the client is already gone
            }
        }
    }

    private void drain() {
        int missed = 1;
        do {
            try {
                pass();
            } catch (Exception e) {
                close();
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    private void pass() throws Exception {
        if (closed.get() || sink.isClosed()) {
            close();
            return;
        }
        if (heartbeatDue.getAndSet(false)) {
            send(sse.newEventBuilder().comment("heartbeat").build());
        }
        while (!closed.get()) {
            long pruned = hub.prunedThrough();
            if (cursor > 0 && cursor < pruned) {
                goneAndClose(pruned);
                return;
            }
            List<FeedEntryView> batch = hub.after(cursor, PAGE);
            if (batch.isEmpty()) {
                return;
            }
            for (FeedEntryView entry : batch) {
                if (query.matches(entry)) {
                    send(entry(entry));
                }
                cursor = entry.position();
            }
        }
    }

    private OutboundSseEvent entry(FeedEntryView entry) throws JsonProcessingException {
        return sse.newEventBuilder().id(Long.toString(entry.position())).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(mapper.writeValueAsString(entry)).build();
    }

    private void goneAndClose(long pruned) throws Exception {
        ProblemException gone = FeedService.gone("Last-Event-ID", cursor, pruned);
        Problem problem = Problem.of(ProblemType.GONE, gone.getMessage(), "/feed/stream", gone.errors());
        send(sse.newEventBuilder().name("gone").mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(mapper.writeValueAsString(problem)).build());
        close();
    }

    private void send(OutboundSseEvent event) throws Exception {
        sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
