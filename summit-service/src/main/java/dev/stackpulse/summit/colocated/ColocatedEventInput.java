package dev.stackpulse.summit.colocated;

import dev.stackpulse.summit.summit.SummitInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of POST and PUT /summits/{slug}/colocated-events (key required on POST; on PUT absent or equal to the
 * path); also what a merge patch is applied to. The summit is the path's, never the body's.
 */
public record ColocatedEventInput(
        @Size(max = 64) @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
        @NotNull @Pattern(regexp = KINDS, message = KINDS_MESSAGE) String kind,
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Size(max = 200) String taughtBy,
        @Size(max = 500) @Pattern(regexp = SummitInput.URL, message = SummitInput.URL_MESSAGE) String url,
        @Size(max = 4000) String summaryEn,
        @Size(max = 4000) String summaryJa) {

    static final String KEY = "[a-z][a-z0-9-]*";
    static final String KEY_MESSAGE = "must be lower-case letters, digits and '-'";
    /** What a co-located event is; the list's kind filter takes the same words. */
    static final String KINDS = "training|workshop|hackathon|meetup|other";
    static final String KINDS_MESSAGE = "must be one of training, workshop, hackathon, meetup, other";

    static ColocatedEventInput of(ColocatedEvent e) {
        return new ColocatedEventInput(e.eventKey, e.kind, e.name, e.startDate, e.endDate, e.taughtBy, e.url,
                e.summaryEn, e.summaryJa);
    }
}
