package dev.stackpulse.summit.summit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of POST /summits. */
public record SummitInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String slug,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 50) String season,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotBlank @Pattern(regexp = "planned|held", message = "must be 'planned' or 'held'") String status,
        @Min(0) Integer attendees) {
}
