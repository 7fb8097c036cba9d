package dev.stackpulse.catalog.adoption;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of PUT /releases/{name}/projects/{slug}: adoption percent (null = unknown) and ordered highlights; also
 * what a merge patch (PATCH) is applied to.
 */
public record AdoptionInput(
        @Min(value = 0, message = "must be from 0 to 100") @Max(value = 100, message = "must be from 0 to 100") Integer adoption,
        @Size(max = 20) List<@NotBlank @Size(max = 1000) String> highlights) {

    /** The record's current state as a full-replace input. */
    static AdoptionInput of(AdoptionRecord a) {
        return new AdoptionInput(a.adoption, List.copyOf(a.highlights));
    }
}
