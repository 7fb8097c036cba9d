package dev.stackpulse.summit.summit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The attendance series in date order with growth from the previous summit in the series. Summits without an
 * attendance figure (planned ones) are not points of the series; they are named in {@code withoutAttendance}.
 */
public record Attendance(List<Point> series, List<String> withoutAttendance) {

    /** One summit; growth fields are null for the first point. */
    public record Point(String slug, String city, String season, LocalDate startDate, int attendees,
                        Integer growth, BigDecimal growthPercent) {
    }

    /** Builds the series from summits already in date order. */
    static Attendance of(List<Summit> summitsByDate) {
        List<Point> series = new ArrayList<>();
        List<String> without = new ArrayList<>();
        Integer previous = null;
        for (Summit s : summitsByDate) {
            if (s.attendees == null) {
                without.add(s.slug);
                continue;
            }
            series.add(new Point(s.slug, s.city, s.season, s.startDate, s.attendees,
                    previous == null ? null : s.attendees - previous, percent(previous, s.attendees)));
            previous = s.attendees;
        }
        return new Attendance(series, without);
    }

    /** Growth in percent of the previous figure, one decimal; null without a previous (or a zero) figure. */
    static BigDecimal percent(Integer previous, int current) {
        if (previous == null || previous == 0) {
            return null;
        }
        return BigDecimal.valueOf((long) (current - previous) * 100)
                .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
    }
}
