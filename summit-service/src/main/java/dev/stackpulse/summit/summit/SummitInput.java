package dev.stackpulse.summit.summit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of POST and PUT /summits (slug required on POST; on PUT absent or equal to the path). */
public record SummitInput(
        @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String slug,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 50) String season,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Pattern(regexp = "planned|held", message = "must be 'planned' or 'held'") String status,
        @PositiveOrZero Integer attendees,
        @PositiveOrZero Integer countries,
        @PositiveOrZero Integer companies,
        @PositiveOrZero Integer pressAndAnalysts,
        @PositiveOrZero Integer sponsors,
        @PositiveOrZero @Max(100) Integer firstTimePercent,
        @PositiveOrZero Integer minSessions,
        @Valid Links links) {

    /** An absolute http(s) URL with a host. */
    public static final String URL = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]\\S*)?";
    public static final String URL_MESSAGE = "must be an absolute http or https URL";

    static SummitInput of(Summit s) {
        return new SummitInput(s.slug, s.city, s.season, s.startDate, s.endDate, s.status, s.attendees, s.countries,
                s.companies, s.pressAndAnalysts, s.sponsors, s.firstTimePercent, s.minSessions,
                new Links(s.siteUrl, s.videosUrl));
    }
}
