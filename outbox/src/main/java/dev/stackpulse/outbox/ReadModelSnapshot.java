package dev.stackpulse.outbox;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A read model held as one value (every row it needs, read together), derived on first use after a change and kept
 * by the rules of {@link ReadModelChanges}. One load at a time: readers arriving meanwhile wait for it.
 */
public final class ReadModelSnapshot<T> {

    private final ReadModelChanges changes;
    private final AtomicReference<T> current = new AtomicReference<>();

    public ReadModelSnapshot(ChangeListener listener) {
        this.changes = new ReadModelChanges(listener);
    }

    /** The value as of the last change this replica was told of; {@code load} derives it when none is held. */
    public T get(Supplier<T> load) {
        T held = current.get();
        if (held != null) {
            return held;
        }
        synchronized (this) {
            held = current.get();
            if (held != null) {
                return held;
            }
            return changes.derive(load, loaded -> current.compareAndSet(null, loaded),
                    loaded -> current.compareAndSet(loaded, null));
        }
    }

    /** Something it holds changed (or changes may have been missed): derive it again at the next read. */
    public void changed() {
        changes.changed(() -> current.set(null));
    }
}
