package dev.stackpulse.web;

import java.util.List;

/** Thrown by services to answer with a problem+json of the given status; never carries internals. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(404, "Not Found", what + " '" + key + "' does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException badRequest(String field, String reason) {
        return new ProblemException(400, "Bad Request", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "Precondition Failed", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
