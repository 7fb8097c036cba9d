package dev.stackpulse.catalog.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of POST /projects. */
public record ProjectInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String slug,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 200) String serviceName,
        @NotBlank @Size(max = 64) String serviceType,
        @NotBlank @Pattern(regexp = "core|optional", message = "must be 'core' or 'optional'") String tier,
        @Size(max = 4000) String descriptionEn) {
}
