package dev.stackpulse.summit.demographics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of PUT /summits/{slug}/awards: the whole list. */
public record AwardsInput(@NotNull @Size(max = 50) List<@Valid @NotNull Award> awards) {
}
