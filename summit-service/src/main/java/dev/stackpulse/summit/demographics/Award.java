package dev.stackpulse.summit.demographics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An award given at a summit. */
public record Award(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String winner,
                    @Size(max = 500) String note) {
}
