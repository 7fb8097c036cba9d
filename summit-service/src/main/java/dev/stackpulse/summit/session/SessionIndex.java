package dev.stackpulse.summit.session;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.stackpulse.outbox.ChangeListener;
import dev.stackpulse.outbox.ChangeNotice;
import dev.stackpulse.outbox.ReadModelSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The session list's read model: every session's list fields with its rendered JSON, loaded in one query after a
 * change and kept until the next session ChangeNotice (or "everything"), so a page without text search is its
 * filters over memory, no query. Kept only while the change listener is connected (else every list reads the rows).
 */
@ApplicationScoped
public class SessionIndex {

    /** One session as the list filters and shows it. */
    record Entry(long id, String summit, String release, String project, Set<String> itemStatuses, RawValue json) {
    }

    /** All sessions by id, and each summit's by id (the filter nearly every list names). */
    record Snapshot(List<Entry> all, Map<String, List<Entry>> bySummit) {

        static Snapshot of(List<Entry> byId) {
            return new Snapshot(List.copyOf(byId), byId.stream().collect(Collectors.groupingBy(Entry::summit,
                    Collectors.collectingAndThen(Collectors.toList(), List::copyOf))));
        }

        /** The sessions a list with this exact summit (null: any) can show, by id. */
        List<Entry> candidates(String summit) {
            return summit == null ? all : bySummit.getOrDefault(summit, List.of());
        }
    }

    private final ReadModelSnapshot<Snapshot> current;

    public SessionIndex(ChangeListener listener) {
        this.current = new ReadModelSnapshot<>(listener);
    }

    /** The sessions as of the last change this replica was told of; {@code load} reads them (by id) when needed. */
    Snapshot snapshot(Supplier<List<Entry>> load) {
        return current.get(() -> Snapshot.of(load.get()));
    }

    /** A session changed or was deleted on any replica (or changes may have been missed): read them again. */
    void onChange(@Observes ChangeNotice notice) {
        if (notice.concerns(SessionService.ENTITY)) {
            current.changed();
        }
    }

    /** The position of the first entry with an id above {@code after} in a list by id. */
    static int firstAfter(List<Entry> byId, long after) {
        int low = 0;
        int high = byId.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (byId.get(mid).id() <= after) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
