package dev.stackpulse.summit.summit;

import dev.stackpulse.web.Cursor;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Sort;
import io.quarkus.panache.common.Parameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * GET /summits as one keyset query: the filters, the order (the sort keys, then the slug) and "after the cursor's
 * row" in that order, so a page costs one indexed query whatever its depth. Missing attendance sorts last both ways.
 */
final class SummitList {

    /** A sort key: its JPQL expression (alias s), whether it may be null, and its value as a cursor holds it. */
    private record Key(String expression, boolean nullable, Function<String, Object> parse,
                       Function<Summit, String> value) {
    }

    private static final Map<String, Key> KEYS = Map.of(
            "startDate", new Key("s.startDate", false, LocalDate::parse, s -> s.startDate.toString()),
            "year", new Key("extract(year from s.startDate)", false, Integer::valueOf,
                    s -> Integer.toString(s.startDate.getYear())),
            "attendees", new Key("s.attendees", true, Integer::valueOf,
                    s -> s.attendees == null ? null : s.attendees.toString()),
            "city", new Key("s.city", false, text -> text, s -> s.city));
    /** The entity key ends every order (ascending), so the order is total. */
    private static final Key SLUG = new Key("s.slug", false, text -> text, s -> s.slug);

    static final Set<String> SORT_KEYS = KEYS.keySet();
    static final String DEFAULT_SORT = "startDate";

    private SummitList() {
    }

    /** Filters of GET /summits; null means "any". */
    record Filter(Integer year, String status) {
    }

    /** Up to {@code limit + 1} summits after {@code after} (a cursor of this list, or null for the first page). */
    static List<Summit> fetch(SummitRepository summits, Filter filter, Sort sort, String after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.year() != null) {
            where.add("extract(year from s.startDate) = :year");
            params.and("year", filter.year());
        }
        if (filter.status() != null) {
            where.add("s.status = :status");
            params.and("status", filter.status());
        }
        List<Key> keys = new ArrayList<>(sort.keys().stream().map(k -> KEYS.get(k.field())).toList());
        List<Boolean> descending = new ArrayList<>(sort.keys().stream().map(Sort.Key::descending).toList());
        keys.add(SLUG);
        descending.add(false);
        if (after != null) {
            where.add(afterCursor(keys, descending, decode(after, sort, keys), params));
        }
        List<String> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(keys.get(i).expression() + (descending.get(i) ? " desc" : " asc")
                    + (keys.get(i).nullable() ? " nulls last" : ""));
        }
        return summits.find(String.join(" and ", where), String.join(", ", order), params, limit + 1);
    }

    /** The cursor of a row: the canonical sort, then the row's value of each key (empty for null). */
    static String cursor(Summit s, Sort sort) {
        List<String> values = new ArrayList<>();
        values.add(sort.toString());
        sort.keys().forEach(k -> values.add(orEmpty(KEYS.get(k.field()).value().apply(s))));
        values.add(s.slug);
        return Cursor.encode(values);
    }

    private static List<Object> decode(String after, Sort sort, List<Key> keys) {
        List<String> parts = Cursor.decode(after, keys.size() + 1);
        if (!parts.get(0).equals(sort.toString())) {
            throw ProblemException.badRequest("after", "this cursor belongs to the order sort=" + parts.get(0)
                    + ", not sort=" + sort + "; start again without after");
        }
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < keys.size(); i++) {
                String raw = parts.get(i + 1);
                values.add(raw.isEmpty() && keys.get(i).nullable() ? null : keys.get(i).parse().apply(raw));
            }
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("after", "malformed cursor; use the one a previous page returned");
        }
        return values;
    }

    /**
     * Rows after the cursor row in the order: (k1 after v1) or (k1 = v1 and k2 after v2) or ...; with nulls last,
     * "after v" includes null and nothing comes after null.
     */
    private static String afterCursor(List<Key> keys, List<Boolean> descending, List<Object> values,
                                      Parameters params) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) != null) {
                names.put(i, "c" + i);
                params.and("c" + i, values.get(i));
            }
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) == null) {
                continue; // nothing sorts after a null
            }
            List<String> all = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                String e = keys.get(j).expression();
                all.add(values.get(j) == null ? e + " is null" : e + " = :" + names.get(j));
            }
            String e = keys.get(i).expression();
            String beyond = e + (descending.get(i) ? " < :" : " > :") + names.get(i);
            all.add(keys.get(i).nullable() ? "(" + beyond + " or " + e + " is null)" : beyond);
            alternatives.add("(" + String.join(" and ", all) + ")");
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
