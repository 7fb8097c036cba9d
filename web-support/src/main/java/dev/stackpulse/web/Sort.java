package dev.stackpulse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code sort} parameter of every list: comma-separated keys, each ascending or with a leading '-' for descending
 * ({@code sort=-adoption,name}). Every list appends its entity key as the last tie-breaker, so the order is total.
 */
public record Sort(List<Key> keys) {

    public record Key(String field, boolean descending) {

        @Override
        public String toString() {
            return descending ? "-" + field : field;
        }
    }

    /** Parses {@code raw} (or {@code defaultSpec} when absent); 400 naming {@code sort} for an unknown or repeated key. */
    public static Sort parse(String raw, Set<String> allowed, String defaultSpec) {
        String text = QueryParams.text("sort", raw);
        List<Key> keys = new ArrayList<>();
        for (String part : (text == null ? defaultSpec : text).split(",", -1)) {
            String spec = part.trim();
            boolean descending = spec.startsWith("-");
            String field = descending ? spec.substring(1) : spec;
            if (!allowed.contains(field)) {
                throw ProblemException.badRequest("sort", "'" + spec + "' is not a sort key; use "
                        + allowed.stream().sorted().collect(Collectors.joining(", "))
                        + ", comma-separated, each optionally prefixed by '-' for descending");
            }
            if (keys.stream().anyMatch(k -> k.field().equals(field))) {
                throw ProblemException.badRequest("sort", "'" + field + "' is given twice");
            }
            keys.add(new Key(field, descending));
        }
        return new Sort(List.copyOf(keys));
    }

    public Key first() {
        return keys.get(0);
    }

    /** The canonical spelling ({@code -adoption,name}); cursors carry it so a cursor of another order is refused. */
    @Override
    public String toString() {
        return keys.stream().map(Key::toString).collect(Collectors.joining(","));
    }
}
