package dev.stackpulse.summit.summit;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A summit's web links. */
public record Links(
        @Size(max = 500) @Pattern(regexp = SummitInput.URL, message = SummitInput.URL_MESSAGE) String site,
        @Size(max = 500) @Pattern(regexp = SummitInput.URL, message = SummitInput.URL_MESSAGE) String videos) {
}
