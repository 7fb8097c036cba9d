package dev.stackpulse.summit.session;

import dev.stackpulse.summit.summit.SummitInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of POST and PUT /sessions. */
public record SessionInput(
        @NotBlank @Size(max = 64) String summit,
        @NotBlank @Size(max = 64) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String release,
        @NotBlank @Size(max = 64) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String project,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100) String kind,
        @NotBlank @Size(max = 500) @Pattern(regexp = SummitInput.URL, message = SummitInput.URL_MESSAGE) String etherpad,
        @Size(max = 500) @Pattern(regexp = SummitInput.URL, message = SummitInput.URL_MESSAGE) String reference,
        @Size(max = 10000) String summary,
        @Size(max = 100) List<@NotBlank @Size(max = 500) String> topics,
        @Size(max = 200) List<@Valid @NotNull ItemInput> items) {

    static final String SLUG = "[a-z][a-z0-9-]*";
    static final String SLUG_MESSAGE = "must be lower-case letters, digits and '-'";
}
