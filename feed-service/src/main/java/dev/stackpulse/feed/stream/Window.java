package dev.stackpulse.feed.stream;

import java.util.Arrays;
import java.util.List;

/**
 * The recent entries every live subscriber reads, as an immutable snapshot: it holds every entry in (floor, head],
 * in position order. The hub replaces it whole on each refresh; readers take the current one without a lock.
 */
record Window(long floor, long head, Frame[] frames, long bytes) {

    /** Before the first refresh: covers nothing, every cursor reads the database. */
    static final Window NONE = new Window(-1, -1, new Frame[0], 0);

    static Window startingAt(long head) {
        return new Window(head, head, new Frame[0], 0);
    }

    /** Whether everything after {@code cursor} that this replica has read is here. */
    boolean covers(long cursor) {
        return floor >= 0 && cursor >= floor;
    }

    /** Index of the first frame after {@code cursor} (frames.length when none): binary search by position. */
    int firstAfter(long cursor) {
        int low = 0;
        int high = frames.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (frames[mid].position() <= cursor) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** This window with {@code added} appended, its oldest frames dropped until it holds at most {@code limit} bytes. */
    Window append(List<Frame> added, long limit) {
        if (added.isEmpty()) {
            return this;
        }
        long total = bytes;
        for (Frame f : added) {
            total += f.footprint();
        }
        Frame[] all = Arrays.copyOf(frames, frames.length + added.size());
        for (int i = 0; i < added.size(); i++) {
            all[frames.length + i] = added.get(i);
        }
        int drop = 0;
        long newFloor = floor;
        while (total > limit && drop < all.length) {
            total -= all[drop].footprint();
            newFloor = all[drop].position();
            drop++;
        }
        Frame[] kept = drop == 0 ? all : Arrays.copyOfRange(all, drop, all.length);
        return new Window(newFloor, added.get(added.size() - 1).position(), kept, total);
    }
}
