package dev.stackpulse.summit.summit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Two summits side by side; {@code difference} is b minus a per figure (null where either lacks it). */
public record Comparison(SummitView a, SummitView b, Map<String, Integer> difference) {

    static Comparison of(SummitView a, SummitView b) {
        Map<String, Integer> diff = new LinkedHashMap<>();
        diff.put("days", b.days() - a.days());
        diff.put("attendees", minus(b.attendees(), a.attendees()));
        diff.put("countries", minus(b.countries(), a.countries()));
        diff.put("companies", minus(b.companies(), a.companies()));
        diff.put("pressAndAnalysts", minus(b.pressAndAnalysts(), a.pressAndAnalysts()));
        diff.put("sponsors", minus(b.sponsors(), a.sponsors()));
        diff.put("firstTimePercent", minus(b.firstTimePercent(), a.firstTimePercent()));
        diff.put("minSessions", minus(b.minSessions(), a.minSessions()));
        return new Comparison(a, b, diff);
    }

    private static Integer minus(Integer x, Integer y) {
        return x == null || y == null ? null : x - y;
    }
}
