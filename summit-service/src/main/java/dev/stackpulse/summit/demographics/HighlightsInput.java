package dev.stackpulse.summit.demographics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of PUT /summits/{slug}/highlights: the keynote highlights in order. */
public record HighlightsInput(@NotNull @Size(max = 50) List<@NotBlank @Size(max = 500) String> highlights) {
}
