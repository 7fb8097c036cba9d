package dev.stackpulse.catalog.maturity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Age as the Project Navigator shows it: ceil(days since the first release / 365), never negative. */
public final class ProjectAge {

    private ProjectAge() {
    }

    /** Null when either date is unknown. */
    public static Integer years(LocalDate firstRelease, LocalDate reference) {
        if (firstRelease == null || reference == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(firstRelease, reference);
        return days <= 0 ? 0 : (int) ((days + 364) / 365);
    }
}
