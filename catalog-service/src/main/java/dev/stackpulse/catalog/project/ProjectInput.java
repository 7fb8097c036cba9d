package dev.stackpulse.catalog.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of POST /projects and PUT /projects/{slug}; also what a merge patch is applied to. */
public record ProjectInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String slug,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 200) String serviceName,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String serviceType,
        @NotBlank @Pattern(regexp = "core|optional", message = "must be 'core' or 'optional'") String tier,
        @Size(max = 4000) String descriptionEn,
        @Size(max = 4000) String descriptionJa,
        @Size(max = 64) String firstRelease,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*:[a-z0-9-]+", message = "must look like 'team:diverse-affiliation'") String> governanceTags,
        Boolean installGuide,
        @Min(0) @Max(10_000) Integer sdkCount) {

    /** A minimal input: the required fields only. */
    public static ProjectInput of(String slug, String name, String serviceName, String serviceType, String tier) {
        return new ProjectInput(slug, name, serviceName, serviceType, tier, null, null, null, null, null, null);
    }
}
