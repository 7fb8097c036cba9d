package dev.stackpulse.web;

import java.util.List;

/** Thrown by services to answer with a problem+json of the given type; never carries internals. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " '" + key + "' does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of());
    }

    /** A malformed query, path or header parameter. */
    public static ProblemException badRequest(String parameter, String reason) {
        return invalid(ProblemType.INVALID_PARAMETER, parameter, reason);
    }

    /** A body field (its JSON path, or "body" for the whole body) that cannot be accepted. */
    public static ProblemException invalidBody(String field, String reason) {
        return invalid(ProblemType.INVALID_BODY, field, reason);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail, List.of());
    }

    private static ProblemException invalid(ProblemType type, String field, String reason) {
        return new ProblemException(type, field + ": " + reason, List.of(new Problem.FieldError(field, reason)));
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
