package dev.stackpulse.catalog.project;

import dev.stackpulse.catalog.support.Page;
import dev.stackpulse.catalog.support.Params;
import dev.stackpulse.web.ProblemException;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The filters, sort and page of GET /projects, parsed from raw query parameters (each malformed one is a 400
 * naming it). Sort: {@code name|adoption|maturity|age}, a leading '-' for descending; ties by slug.
 */
public record ProjectQuery(String tier, String serviceType, String q, Integer minAdoption, Integer minMaturity,
                           Integer minAge, String release, String sortKey, boolean descending, int page, int size) {

    public static ProjectQuery parse(String tier, String serviceType, String q, String minAdoption,
                                     String minMaturity, String minAge, String release, String sort, String page,
                                     String size) {
        String t = Params.optionalText(tier);
        if (t != null && !t.equals("core") && !t.equals("optional")) {
            throw ProblemException.badRequest("tier", "must be 'core' or 'optional'");
        }
        String s = Params.optionalText(sort);
        boolean desc = s != null && s.startsWith("-");
        String key = s == null ? "name" : desc ? s.substring(1) : s;
        if (!key.matches("name|adoption|maturity|age")) {
            throw ProblemException.badRequest("sort", "must be name, adoption, maturity or age, optionally prefixed "
                    + "by '-' for descending");
        }
        return new ProjectQuery(t, Params.optionalText(serviceType), Params.optionalText(q),
                Params.optionalInt("minAdoption", minAdoption, 0, 100),
                Params.optionalInt("minMaturity", minMaturity, 0, 5),
                Params.optionalInt("minAge", minAge, 0, 1000),
                Params.optionalText(release), key, desc,
                Params.intParam("page", page, 1, 1, 1_000_000),
                Params.intParam("size", size, Page.DEFAULT_SIZE, 1, Page.MAX_SIZE));
    }

    boolean accepts(ProjectEntry e) {
        return atLeast(e.adoption(), minAdoption) && atLeast(e.maturity().score(), minMaturity)
                && atLeast(e.ageYears(), minAge);
    }

    Comparator<ProjectEntry> order() {
        Comparator<ProjectEntry> primary = switch (sortKey) {
            case "adoption" -> by(ProjectEntry::adoption);
            case "maturity" -> by(e -> e.maturity().score());
            case "age" -> by(ProjectEntry::ageYears);
            default -> by(e -> e.name().toLowerCase(java.util.Locale.ROOT));
        };
        return primary.thenComparing(ProjectEntry::slug);
    }

    /** Unknown values (no figures for that release) sort last in either direction. */
    private <T extends Comparable<T>> Comparator<ProjectEntry> by(Function<ProjectEntry, T> key) {
        Comparator<T> direction = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(direction));
    }

    private static boolean atLeast(Integer value, Integer min) {
        return min == null || (value != null && value >= min);
    }
}
