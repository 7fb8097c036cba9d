package dev.stackpulse.outbox;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rule every read model (a value derived from the database, kept until a {@link ChangeNotice} drops it) follows:
 * a derived value is kept only while other replicas' notices arrive ({@link ChangeListener#listening()}), and not
 * when a change was noticed while it was being derived (it may show the state before that change). One per read
 * model: it counts that model's invalidations.
 */
public final class ReadModelChanges {

    private final ChangeListener listener;
    /** Counts invalidations, so a value derived while one happened is not kept. */
    private final AtomicLong changes = new AtomicLong();

    public ReadModelChanges(ChangeListener listener) {
        this.listener = listener;
    }

    /**
     * Derives a value and returns it; {@code keep} stores it when that is safe, and {@code drop} removes it again
     * when a change was noticed meanwhile (the caller serves it once, as any read of the moment would).
     */
    public <T> T derive(Supplier<T> derive, Consumer<T> keep, Consumer<T> drop) {
        long before = changes.get();
        T derived = derive.get();
        if (listener.listening()) {
            keep.accept(derived);
            if (changes.get() != before) {
                drop.accept(derived);
            }
        }
        return derived;
    }

    /** A change was noticed: counts it (so derivations in flight are not kept), then runs {@code forget}. */
    public void changed(Runnable forget) {
        changes.incrementAndGet();
        forget.run();
    }
}
