package dev.stackpulse.catalog.navigator;

import dev.stackpulse.web.Cursor;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.QueryParams;
import dev.stackpulse.web.Sort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters, sort and page of GET /projects, parsed from raw query parameters (each malformed one is a 400 naming
 * it). Sort keys {@code name|adoption|maturity|age}, comma-separated, '-' for descending; ties by slug; unknown
 * figures (null) last in either direction. The cursor holds the sort and the last item's sort values and slug.
 */
public record ProjectQuery(String tier, QueryParams.TextMatch serviceType, String q, Integer minAdoption,
                           Integer minMaturity, Integer minAge, String release, Sort sort, List<Object> after,
                           int limit) {

    static final Set<String> SORT_KEYS = Set.of("name", "adoption", "maturity", "age");
    static final String DEFAULT_SORT = "name";

    public static ProjectQuery parse(String tier, String serviceType, String q, String minAdoption,
                                     String minMaturity, String minAge, String release, String sort, String after,
                                     String limit) {
        Sort order = Sort.parse(sort, SORT_KEYS, DEFAULT_SORT);
        String cursor = QueryParams.text("after", after);
        return new ProjectQuery(QueryParams.oneOf("tier", tier, List.of("core", "optional")),
                QueryParams.match("serviceType", serviceType), QueryParams.text("q", q),
                QueryParams.integer("minAdoption", minAdoption, 0, 100),
                QueryParams.integer("minMaturity", minMaturity, 0, 5),
                QueryParams.integer("minAge", minAge, 0, 1000),
                QueryParams.text("release", release), order,
                cursor == null ? null : decode(cursor, order), QueryParams.limit(limit));
    }

    boolean accepts(ProjectEntry e) {
        return atLeast(e.adoption(), minAdoption) && atLeast(e.maturity().score(), minMaturity)
                && atLeast(e.ageYears(), minAge);
    }

    Comparator<ProjectEntry> order() {
        return (a, b) -> compare(keyOf(a), keyOf(b));
    }

    /** The items after the cursor's position, or null (from the first) without one. */
    Predicate<ProjectEntry> afterCursor() {
        return after == null ? null : e -> compare(keyOf(e), after) > 0;
    }

    String cursorOf(ProjectEntry e) {
        List<String> parts = new ArrayList<>();
        parts.add(sort.toString());
        keyOf(e).forEach(v -> parts.add(v == null ? "" : v.toString()));
        return Cursor.encode(parts);
    }

    /** The sort values of an entry, in the sort's order, then its slug. */
    private List<Object> keyOf(ProjectEntry e) {
        List<Object> key = new ArrayList<>();
        for (Sort.Key k : sort.keys()) {
            key.add(switch (k.field()) {
                case "adoption" -> e.adoption();
                case "maturity" -> e.maturity().score();
                case "age" -> e.ageYears();
                default -> e.name().toLowerCase(Locale.ROOT);
            });
        }
        key.add(e.slug());
        return key;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < sort.keys().size(); i++) {
            Comparable x = (Comparable) a.get(i);
            Comparable y = (Comparable) b.get(i);
            int c = x == null || y == null ? (x == null ? (y == null ? 0 : 1) : -1)
                    : sort.keys().get(i).descending() ? y.compareTo(x) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return ((String) a.get(a.size() - 1)).compareTo((String) b.get(b.size() - 1));
    }

    private static List<Object> decode(String cursor, Sort sort) {
        List<String> parts = Cursor.decode(cursor, sort.keys().size() + 2);
        if (!parts.get(0).equals(sort.toString())) {
            throw ProblemException.badRequest("after", "this cursor was made for another order than sort=" + sort
                    + "; start again without after");
        }
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < sort.keys().size(); i++) {
            String value = parts.get(i + 1);
            if (sort.keys().get(i).field().equals("name")) {
                key.add(value);
            } else if (value.isEmpty()) {
                key.add(null);
            } else {
                try {
                    key.add(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw ProblemException.badRequest("after", "malformed cursor; use the one a previous page returned");
                }
            }
        }
        key.add(parts.get(parts.size() - 1));
        return key;
    }

    private static boolean atLeast(Integer value, Integer min) {
        return min == null || (value != null && value >= min);
    }
}
