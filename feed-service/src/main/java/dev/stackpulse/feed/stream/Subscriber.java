package dev.stackpulse.feed.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One SSE connection, created once the hub admitted it (it gives the slot back on close). Everything it does runs on
 * its connection's event loop ({@code context}), one pass at a time, in position order; {@code cursor} only moves
 * forward, so nothing is sent twice and nothing after the cursor is skipped. It never blocks: it writes while the
 * connection accepts more (Vert.x back-pressure: writeQueueFull, then drainHandler) and reads the database, when
 * behind the hub's window, on the hub's catch-up pool.
 */
final class Subscriber {

    // Entries per catch-up read (feed.page-max-bytes bounds it too): fewer round trips when replaying from far back.
    private static final int PAGE = 1000;
    // Events gathered into one write (one syscall for many events) up to about this many bytes.
    private static final int WRITE_BYTES = 64 * 1024;

    private final StreamHub hub;
    private final FeedQuery query;
    private final SseEventSink sink;
    private final HttpServerResponse response;
    private final Context context;
    private final ObjectMapper mapper;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Confined to the context:
    private long cursor;
    private boolean reading;
    private boolean draining;
    // Written on the context, read by the hub's slow check: when the connection filled up (0 = it has room).
    private volatile long blockedSince;

    Subscriber(StreamHub hub, long cursor, FeedQuery query, SseEventSink sink, HttpServerResponse response,
               Context context, ObjectMapper mapper, int sendBufferBytes) {
        this.hub = hub;
        this.cursor = cursor;
        this.query = query;
        this.sink = sink;
        this.response = response;
        this.context = context;
        this.mapper = mapper;
        response.setWriteQueueMaxSize(sendBufferBytes);
    }

    /** Schedules a pass on the event loop; calls while one is pending collapse into it. */
    void wake() {
        if (!closed.get() && scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                scheduled.set(false);
                drain();
            });
        }
    }

    void heartbeat() {
        if (!closed.get()) {
            context.runOnContext(v -> {
                if (response.closed()) {
                    close();
                } else if (!closed.get() && !response.writeQueueFull()) {
                    write(Frame.HEARTBEAT);
                }
            });
        }
    }

    boolean blockedLongerThan(long now, long timeoutNanos) {
        long since = blockedSince;
        return since != 0 && now - since > timeoutNanos;
    }

    /** It did not keep up: drop the connection now (queued bytes included); the client resumes with Last-Event-ID. */
    void disconnectSlow() {
        context.runOnContext(v -> {
            if (!closed.get()) {
                release();
                response.close();
            }
        });
    }

    /** This replica is shutting down: a last comment, then the end of the stream (the client reconnects). */
    void endForShutdown() {
        if (release()) {
            context.runOnContext(v -> {
                if (!response.closed()) {
                    write(Frame.SHUTDOWN);
                }
                endStream();
            });
        }
    }

    void close() {
        if (release()) {
            if (io.vertx.core.Vertx.currentContext() == context) {
                endStream();
            } else {
                context.runOnContext(v -> endStream());
            }
        }
    }

    /** Gives the slot back without touching the connection (the greeting could not be sent: it is gone). */
    void abandon() {
        release();
    }

    private void endStream() {
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // the client is already gone
        }
    }

    private boolean release() {
        if (closed.compareAndSet(false, true)) {
            blockedSince = 0;
            hub.unsubscribe(this);
            hub.release();
            return true;
        }
        return false;
    }

    private void drain() {
        if (closed.get() || reading || draining) {
            return;
        }
        if (response.closed()) {
            close();
            return;
        }
        draining = true;
        try {
            pass();
        } catch (RuntimeException e) {
            close();
        } finally {
            draining = false;
        }
    }

    private void pass() {
        while (!closed.get()) {
            if (response.writeQueueFull()) {
                if (blockedSince == 0) {
                    blockedSince = System.nanoTime();
                }
                response.drainHandler(v -> {
                    blockedSince = 0;
                    wake();
                });
                return;
            }
            blockedSince = 0;
            long pruned = hub.prunedThrough();
            if (cursor > 0 && cursor < pruned) {
                goneAndClose(pruned);
                return;
            }
            Window window = hub.window();
            if (!window.covers(cursor)) {
                readFromDatabase();
                return;
            }
            Frame[] frames = window.frames();
            int i = window.firstAfter(cursor);
            if (i == frames.length) {
                return; // up to date: the next refresh wakes us
            }
            List<Buffer> out = new ArrayList<>();
            int bytes = 0;
            long woken = 0;
            for (; i < frames.length && bytes < WRITE_BYTES; i++) {
                Frame f = frames[i];
                if (query.matches(f.attributes())) {
                    if (out.isEmpty()) {
                        woken = f.woken(); // the oldest frame of the write: what the delivery metric reports
                    }
                    out.add(f.bytes());
                    bytes += f.bytes().length();
                }
                cursor = f.position();
            }
            write(out, bytes);
            if (!out.isEmpty()) {
                hub.delivered(woken);
            }
        }
    }

    /** The frames as one write; a single frame goes as is (its bytes are shared by every subscriber, never changed). */
    private void write(List<Buffer> frames, int bytes) {
        if (frames.size() == 1) {
            write(frames.get(0));
        } else if (!frames.isEmpty()) {
            Buffer out = Buffer.buffer(bytes);
            frames.forEach(out::appendBuffer);
            write(out);
        }
    }

    private void readFromDatabase() {
        reading = true;
        long from = cursor;
        hub.catchUp().<List<Frame>>executeBlocking(() -> hub.framesAfter(from, PAGE), false).onComplete(result -> {
            reading = false;
            if (closed.get()) {
                return;
            }
            if (result.failed()) {
                close(); // the client reconnects with Last-Event-ID
                return;
            }
            List<Buffer> out = new ArrayList<>();
            int bytes = 0;
            for (Frame f : result.result()) {
                if (query.matches(f.attributes())) {
                    out.add(f.bytes());
                    bytes += f.bytes().length();
                }
                cursor = f.position();
            }
            write(out, bytes);
            if (!result.result().isEmpty()) {
                drain();
            }
        });
    }

    private void write(Buffer bytes) {
        if (response.closed()) {
            close(); // the client went away: found here or by the next heartbeat
            return;
        }
        int length = bytes.length();
        hub.queued().addAndGet(length);
        response.write(bytes).onComplete(done -> hub.queued().addAndGet(-length));
    }

    private void goneAndClose(long pruned) {
        ProblemException gone = FeedService.gone("Last-Event-ID", cursor, pruned);
        Problem problem = Problem.of(ProblemType.GONE, gone.getMessage(), "/feed/stream", gone.errors());
        write(Frame.event(null, "gone", Frame.json(mapper, problem)));
        close();
    }
}
