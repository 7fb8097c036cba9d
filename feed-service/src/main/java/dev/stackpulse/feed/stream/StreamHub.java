package dev.stackpulse.feed.stream;

import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
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
import org.jboss.logging.Logger;

/**
 * Fans new entries out to this replica's SSE subscribers. On each wake-up (a PostgreSQL NOTIFY, or the fallback
 * timer) it reads the new rows once and appends them to an in-memory window bounded by bytes
 * ({@code feed.stream.window-bytes}); every subscriber then takes what follows its own cursor from that window. A
 * subscriber behind the window (replaying, or slower than the window is long) reads byte-bounded pages from the
 * database itself until it catches up, so nothing is lost whatever the size of the entries.
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);
    private static final int READ_BATCH = 1000;

    private final FeedRepository repository;
    private final FeedConfig config;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    // Connections admitted (greeting or subscribed): what feed.stream.max-subscribers bounds.
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(named("feed-stream-refresh"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("feed-stream-timer"));
    private final ExecutorService senders = Executors.newCachedThreadPool(named("feed-stream-send"));

    // Guarded by this: the window holds every entry in (floor, head].
    private final ArrayDeque<FeedEntryView> window = new ArrayDeque<>();
    private long floor = -1;
    private long head = -1;
    private long windowBytes;
    private long windowBytesPeak;
    private volatile long prunedThrough;

    public StreamHub(FeedRepository repository, FeedConfig config, io.micrometer.core.instrument.MeterRegistry registry) {
        this.repository = repository;
        this.config = config;
        registry.gaugeCollectionSize("feed.stream.subscribers", java.util.List.of(), subscribers);
        registry.gauge("feed.stream.window.bytes", this, StreamHub::windowBytes);
    }

    void start(@Observes StartupEvent event) {
        long fallback = config.stream().fallbackPoll().toMillis();
        long heartbeat = config.stream().heartbeat().toMillis();
        timer.scheduleAtFixedRate(this::wake, 0, fallback, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
        refresher.shutdownNow();
        subscribers.forEach(Subscriber::close);
        senders.shutdownNow();
    }

    /** Something may have been committed: read it once (coalesced: many wake-ups, one read). */
    public void wake() {
        if (refreshPending.compareAndSet(false, true)) {
            refresher.execute(this::refresh);
        }
    }

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        subscriber.wake();
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
    public synchronized long windowBytes() {
        return windowBytes;
    }

    /** The most the window has held since start (checked after every append, once trimmed). */
    public synchronized long windowBytesPeak() {
        return windowBytesPeak;
    }

    ExecutorService senders() {
        return senders;
    }

    long prunedThrough() {
        return prunedThrough;
    }

    /** Up to {@code max} entries after {@code cursor}: from the window when it covers the cursor, else the database. */
    List<FeedEntryView> after(long cursor, int max) {
        synchronized (this) {
            if (floor >= 0 && cursor >= floor) {
                // Walk back from the newest: live subscribers are near the head, so this touches only what is new.
                java.util.LinkedList<FeedEntryView> result = new java.util.LinkedList<>();
                java.util.Iterator<FeedEntryView> newestFirst = window.descendingIterator();
                while (newestFirst.hasNext()) {
                    FeedEntryView e = newestFirst.next();
                    if (e.position() <= cursor) {
                        break;
                    }
                    result.addFirst(e);
                }
                return result.size() <= max ? result : new ArrayList<>(result.subList(0, max));
            }
        }
        return repository.after(cursor, max, config.pageMaxBytes().asLongValue());
    }

    private void refresh() {
        refreshPending.set(false);
        try {
            prunedThrough = repository.prunedThrough();
            if (head < 0) {
                initWindow(repository.head());
            }
            long readBytes = config.pageMaxBytes().asLongValue();
            List<FeedEntryView> batch = repository.after(head, READ_BATCH, readBytes);
            while (!batch.isEmpty()) {
                append(batch);
                // Wake per batch: live subscribers take it from the window before a later batch pushes it out.
                subscribers.forEach(Subscriber::wake);
                batch = repository.after(head, READ_BATCH, readBytes);
            }
            subscribers.forEach(Subscriber::wake);
        } catch (RuntimeException e) {
            LOG.warnf("stream refresh failed (retried on the next wake-up): %s", e.getMessage());
        }
    }

    private synchronized void initWindow(long start) {
        floor = start;
        head = start;
    }

    private synchronized void append(List<FeedEntryView> entries) {
        for (FeedEntryView e : entries) {
            window.addLast(e);
            windowBytes += e.footprint();
            head = e.position();
        }
        long limit = config.stream().windowBytes().asLongValue();
        while (windowBytes > limit && !window.isEmpty()) {
            FeedEntryView dropped = window.removeFirst();
            windowBytes -= dropped.footprint();
            floor = dropped.position();
        }
        windowBytesPeak = Math.max(windowBytesPeak, windowBytes);
    }

    private void heartbeat() {
        subscribers.forEach(Subscriber::heartbeat);
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
