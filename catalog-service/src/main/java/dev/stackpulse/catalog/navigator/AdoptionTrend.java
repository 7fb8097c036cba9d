package dev.stackpulse.catalog.navigator;

import dev.stackpulse.catalog.maturity.Maturity;
import java.time.LocalDate;
import java.util.List;

/** A project's figures across the releases that have a record for it, oldest first. */
public record AdoptionTrend(String project, String name, List<Point> releases) {

    /** One release: adoption, its change since the previous point (null on the first), maturity and age. */
    public record Point(String release, String displayName, int sequence, LocalDate releaseDate, Integer adoption,
                        Integer change, List<String> highlights, Maturity maturity, Integer ageYears) {
    }
}
