package dev.stackpulse.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a list as a service returns it, free of HTTP: the items, the limit asked for, and the cursor of the
 * next page (null when this is the last page; an endless list such as the feed always has one).
 */
public record Slice<T>(List<T> items, int limit, String nextCursor) {

    /** From up to {@code limit + 1} fetched items: the extra one, if present, says there is a next page. */
    public static <T> Slice<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Slice<>(List.copyOf(fetched), limit, null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Slice<>(items, limit, cursorOf.apply(items.get(limit - 1)));
    }

    /** The page of an already sorted list that starts at the first item {@code afterCursor} accepts (all when null). */
    public static <T> Slice<T> after(List<T> sorted, Predicate<T> afterCursor, int limit, Function<T, String> cursorOf) {
        int from = 0;
        if (afterCursor != null) {
            while (from < sorted.size() && !afterCursor.test(sorted.get(from))) {
                from++;
            }
        }
        return of(sorted.subList(from, Math.min(sorted.size(), from + limit + 1)), limit, cursorOf);
    }

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), limit, nextCursor);
    }
}
