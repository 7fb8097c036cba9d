package dev.stackpulse.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail; {@code type} is one of {@link ProblemType}, {@code errors} names each offending input. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
    }

    /** One offending input: the field (a JSON path or parameter name) and why it was refused. */
    public record FieldError(String field, String reason) {
    }
}
