package dev.stackpulse.summit.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An action item of a session: what, its status, and who (optional). */
public record ItemInput(
        @NotBlank @Size(max = 500) String text,
        @NotNull @Pattern(regexp = STATUSES, message = "must be one of ready-to-merge, needs-work, done") String status,
        @Size(max = 100) String owner) {

    public static final String STATUSES = "ready-to-merge|needs-work|done";
}
