package dev.stackpulse.summit.demographics;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One category's share of attendees in percent; {@code basis} says whether the talk gives it or we inferred it. */
public record Share(
        @NotBlank @Size(max = 100) String name,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal percent,
        @NotNull @Pattern(regexp = "given|inferred", message = "must be 'given' or 'inferred'") String basis,
        @Size(max = 500) String note) {

    /** One spelling per value (60, not 6E+1 or 60.0), however the number came in or was re-read. */
    public Share {
        if (percent != null) {
            BigDecimal plain = percent.stripTrailingZeros();
            percent = plain.scale() < 0 ? plain.setScale(0) : plain;
        }
    }
}
