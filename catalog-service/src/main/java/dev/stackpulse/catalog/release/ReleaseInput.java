package dev.stackpulse.catalog.release;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The body of POST /releases and PUT /releases/{name}; also what a merge patch (PATCH) is applied to. */
public record ReleaseInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String name,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull @Min(1) @Max(10_000) Integer sequence,
        @Size(max = 32) String versionLabel,
        LocalDate releaseDate,
        @NotBlank @Pattern(regexp = "released|under-development|planned", message = "must be 'released', 'under-development' or 'planned'") String status,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> keywords,
        @Pattern(regexp = LIFECYCLES, message = "must be one of openstack/releases' statuses: future, development, "
                + "maintained, extended maintenance, unmaintained, end of life") String lifecycle) {

    /** openstack/releases' series statuses (data/series_status.yaml), kept as upstream spells them. */
    public static final String LIFECYCLES = "future|development|maintained|extended maintenance|unmaintained|end of life";

    /** The release's current state as a full-replace input: the document a merge patch applies to. */
    static ReleaseInput of(ReleaseSeries r) {
        return of(ReleaseView.of(r));
    }

    /** The full-replace input that reproduces this representation. */
    public static ReleaseInput of(ReleaseView v) {
        return new ReleaseInput(v.name(), v.displayName(), v.sequence(), v.versionLabel(), v.releaseDate(), v.status(),
                v.keywords(), v.lifecycle());
    }
}
