package dev.stackpulse.feed.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fans new entries out to this replica's SSE subscribers without a thread per subscriber. On each wake-up (a
 * PostgreSQL NOTIFY, or the fallback timer) one thread reads the new rows once, serializes each to its SSE event
 * once, and publishes a new immutable {@link Window} of recent events bounded by bytes
 * ({@code feed.stream.window-bytes}); every subscriber then copies what follows its own cursor from that snapshot
 * (binary search, no lock) on its connection's event loop, as fast as its connection drains. A subscriber behind the
 * window (replaying, or slower than the window is long) reads byte-bounded pages from the database on a small fixed
 * worker pool until it catches up; one whose connection stays full for feed.stream.slow-timeout is disconnected
 * (it resumes with Last-Event-ID).
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);
    private static final int READ_BATCH = 1000;

    private final FeedRepository repository;
    private final Tracer tracer;
    // Spans cost even with the SDK disabled: none are built then.
    private final boolean tracing;
    private final FeedConfig config;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    // Connections admitted (greeting or subscribed): what feed.stream.max-subscribers bounds.
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Counter slowDisconnects;
    private final Timer delivery;
    // When the wake-up that the pending refresh answers arrived (nanoTime): the start of the delivery metric.
    private volatile long wokenAt;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(named("feed-stream-refresh"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("feed-stream-timer"));
    private WorkerExecutor catchUp;

    private volatile Window window = Window.NONE;
    private volatile long windowBytesPeak;
    private volatile long prunedThrough;
    private volatile boolean shuttingDown;

    public StreamHub(FeedRepository repository, FeedConfig config, ObjectMapper mapper, Vertx vertx,
                     MeterRegistry registry, Tracer tracer,
                     @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean tracingOff) {
        this.tracer = tracer;
        this.tracing = !tracingOff;
        this.repository = repository;
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
        registry.gaugeCollectionSize("feed.stream.subscribers", List.of(), subscribers);
        registry.gauge("feed.stream.window.bytes", this, StreamHub::windowBytes);
        registry.gauge("feed.stream.queued.bytes", queuedBytes, AtomicLong::get);
        slowDisconnects = Counter.builder("feed.stream.slow.disconnects")
                .description("SSE subscribers disconnected because their connection stayed full").register(registry);
        delivery = Timer.builder("feed.stream.delivery")
                .description("From the NOTIFY (wake-up) that read an entry to its write to a live subscriber's connection")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void start(@Observes StartupEvent event) {
        catchUp = vertx.createSharedWorkerExecutor("feed-stream-catch-up", config.stream().catchUpThreads());
        long fallback = config.stream().fallbackPoll().toMillis();
        long heartbeat = config.stream().heartbeat().toMillis();
        timer.scheduleAtFixedRate(this::wake, 0, fallback, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::disconnectSlow, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Shutdown begins (readiness is DOWN from now on): live streams end at once with a last comment, so clients
     * reconnect elsewhere instead of holding the graceful shutdown for its whole timeout.
     */
    void shutdownBegins(@Observes ShutdownDelayInitiatedEvent event) {
        shuttingDown = true;
        subscribers.forEach(Subscriber::endForShutdown);
    }

    void stop(@Observes ShutdownEvent event) {
        shuttingDown = true;
        timer.shutdownNow();
        refresher.shutdownNow();
        subscribers.forEach(Subscriber::endForShutdown);
        if (catchUp != null) {
            catchUp.close();
        }
    }

    /** Something may have been committed: read it once (coalesced: many wake-ups, one read). */
    public void wake() {
        if (refreshPending.compareAndSet(false, true)) {
            wokenAt = System.nanoTime();
            try {
                refresher.execute(this::refresh);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                refreshPending.set(false);
            }
        }
    }

    void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        if (shuttingDown) {
            subscriber.endForShutdown(); // admitted while shutdown began: it reconnects elsewhere too
        } else {
            subscriber.wake();
        }
    }

    void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** Takes a connection slot; false when the replica already has {@code feed.stream.max-subscribers}. */
    boolean admit() {
        int max = config.stream().maxSubscribers();
        while (true) {
            int current = connections.get();
            if (current >= max) {
                return false;
            }
            if (connections.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Gives back the slot of an admitted connection (once, when it closes). */
    void release() {
        connections.decrementAndGet();
    }

    /** Connections admitted and not yet closed. */
    public int subscriberCount() {
        return connections.get();
    }

    /** Approximate heap bytes the in-memory window holds now. */
    public long windowBytes() {
        return window.bytes();
    }

    /** The most the window has held since start (checked after every append, once trimmed). */
    public long windowBytesPeak() {
        return windowBytesPeak;
    }

    /** Bytes written to subscribers' connections and not yet handed to the socket. */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    /** Subscribers disconnected since start because they did not keep up. */
    public long slowDisconnects() {
        return (long) slowDisconnects.count();
    }

    /** The newest position this replica has read (-1 before its first read): never beyond the database's head. */
    long knownHead() {
        return window.head();
    }

    Window window() {
        return window;
    }

    long prunedThrough() {
        return prunedThrough;
    }

    AtomicLong queued() {
        return queuedBytes;
    }

    /** Records a live write: {@code woken} is the frame's wake-up time (0: a catch-up read, not recorded). */
    void delivered(long woken) {
        if (woken != 0) {
            delivery.record(System.nanoTime() - woken, TimeUnit.NANOSECONDS);
        }
    }

    WorkerExecutor catchUp() {
        return catchUp;
    }

    long slowTimeoutMillis() {
        return config.stream().slowTimeout().toMillis();
    }

    /** Up to {@code max} entries after {@code cursor} from the database, as frames (blocking: the catch-up pool). */
    List<Frame> framesAfter(long cursor, int max) {
        List<FeedEntryView> entries = repository.after(cursor, max, config.pageMaxBytes().asLongValue());
        List<Frame> frames = new ArrayList<>(entries.size());
        for (FeedEntryView e : entries) {
            frames.add(Frame.of(e, mapper, 0));
        }
        return frames;
    }

    private void refresh() {
        long woken = wokenAt; // before the flag is cleared: a later wake-up's time belongs to the next refresh
        refreshPending.set(false);
        try {
            if (window.floor() < 0) {
                FeedRepository.Version version = repository.version();
                prunedThrough = version.prunedThrough();
                window = Window.startingAt(version.head());
            }
            long readBytes = config.pageMaxBytes().asLongValue();
            long limit = config.stream().windowBytes().asLongValue();
            boolean prunedMoved = false;
            while (true) {
                // One statement per batch: the entries, the head and the retention watermark of the same snapshot.
                FeedRepository.Page page = repository.read(window.head(), FeedQuery.ALL, READ_BATCH, readBytes);
                long pruned = page.version().prunedThrough();
                prunedMoved |= pruned != prunedThrough;
                prunedThrough = pruned;
                List<FeedEntryView> batch = page.entries();
                if (batch.isEmpty()) {
                    break;
                }
                List<Frame> frames = new ArrayList<>(batch.size());
                for (FeedEntryView e : batch) {
                    frames.add(Frame.of(e, mapper, woken));
                }
                List<Span> spans = fanOutSpans(batch);
                Window next = window.append(frames, limit);
                window = next;
                windowBytesPeak = Math.max(windowBytesPeak, next.bytes());
                // Wake per batch: live subscribers take it from the window before a later batch pushes it out.
                subscribers.forEach(Subscriber::wake);
                spans.forEach(Span::end);
                prunedMoved = false;
                if (next.head() >= page.version().head()) {
                    break; // the snapshot's head is in the window: no second read to learn that nothing follows
                }
            }
            if (prunedMoved) {
                subscribers.forEach(Subscriber::wake);
            }
        } catch (RuntimeException e) {
            LOG.warnf("stream refresh failed (retried on the next wake-up): %s", e.getMessage());
        }
    }

    /**
     * One span per entry that was stored in a trace: a child of its ingest span, covering its hand-over to this
     * replica's live subscribers (each then writes it on its own event loop), so a change's trace reaches the stream.
     */
    private List<Span> fanOutSpans(List<FeedEntryView> batch) {
        if (!tracing) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        int live = subscribers.size();
        for (FeedEntryView e : batch) {
            if (e.traceParent() != null) {
                Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), e.traceParent(),
                        TRACE_PARENT);
                spans.add(tracer.spanBuilder("send /feed/stream").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                        .setAttribute("stackpulse.feed.position", e.position())
                        .setAttribute("stackpulse.stream.subscribers", live)
                        .setAttribute("messaging.message.id", e.id().toString())
                        .startSpan());
            }
        }
        return spans;
    }

    /** A stored traceparent as the W3C propagator's carrier. */
    private static final TextMapGetter<String> TRACE_PARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private void heartbeat() {
        subscribers.forEach(Subscriber::heartbeat);
    }

    private void disconnectSlow() {
        long now = System.nanoTime();
        long timeout = TimeUnit.MILLISECONDS.toNanos(slowTimeoutMillis());
        for (Subscriber s : subscribers) {
            if (s.blockedLongerThan(now, timeout)) {
                slowDisconnects.increment();
                s.disconnectSlow();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
