package dev.stackpulse.summit.demographics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Who came to a summit: top countries in rank order, region shares and role shares (each set sums to at most 100). */
public record Demographics(
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 100) String> topCountries,
        @NotNull @Size(max = 50) List<@Valid @NotNull Share> regionShares,
        @NotNull @Size(max = 50) List<@Valid @NotNull Share> roleShares) {
}
