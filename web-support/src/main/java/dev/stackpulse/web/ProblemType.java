package dev.stackpulse.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every problem type the services answer with: its stable {@code type} URI ({@code /problems/<slug>}, the same in
 * every service and deployment), its status and what it means. docs/api.md lists them; {@code GET /problems} serves them.
 */
public enum ProblemType {
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter",
            "A query, path or header parameter is malformed, out of range or given twice; errors[].field names it."),
    UNKNOWN_PARAMETER("unknown-parameter", 400, "Unknown parameter",
            "The request has query parameters the endpoint does not define; errors[].field names each one."),
    INVALID_BODY("invalid-body", 400, "Invalid body",
            "The body is not JSON, has a wrong type, an unknown, duplicate or invalid field; errors[].field is its path."),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized",
            "No bearer token, or an invalid or expired one; WWW-Authenticate says which."),
    FORBIDDEN("forbidden", 403, "Forbidden", "The token is valid but its roles do not allow the operation."),
    NOT_FOUND("not-found", 404, "Not Found", "No resource at this path (no such entity, or no such endpoint)."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed",
            "The resource exists but does not take this method; Allow lists the methods it takes."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not Acceptable", "None of the media types in Accept can be produced."),
    CONFLICT("conflict", 409, "Conflict",
            "The change conflicts with the current state (the key exists, or a concurrent write won); read and retry."),
    GONE("gone", 410, "Gone", "The cursor points before the retention window: that part of the list no longer exists."),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition Failed",
            "If-Match does not name the current version (compared strongly); read the resource again."),
    BODY_TOO_LARGE("body-too-large", 413, "Content Too Large", "The body exceeds the endpoint's size limit."),
    URI_TOO_LONG("uri-too-long", 414, "URI Too Long", "The request target exceeds the URI length limit."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type",
            "Content-Type is not one the endpoint takes (PATCH takes application/merge-patch+json only)."),
    UNPROCESSABLE("unprocessable", 422, "Unprocessable Content",
            "The body is well-formed but refers to something that does not exist (e.g. an unknown summit)."),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition Required",
            "The write needs If-Match with the current version (documents edited by several people)."),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request Header Fields Too Large",
            "The request's header section exceeds the limit."),
    BAD_REQUEST("bad-request", 400, "Bad Request", "The request is malformed at the HTTP level."),
    INTERNAL("internal-error", 500, "Internal Server Error",
            "An unexpected failure; it has been logged. Retrying may help; report it if it persists."),
    UNAVAILABLE("unavailable", 503, "Service Unavailable",
            "A dependency (database, broker) is down or a capacity bound is reached; retry after Retry-After.");

    /** Where the types live: relative, so the identifier is the same in every deployment (RFC 9457 section 3.1.1). */
    public static final String BASE = "/problems/";

    private final String slug;
    private final int status;
    private final String title;
    private final String meaning;

    ProblemType(String slug, int status, String title, String meaning) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.meaning = meaning;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    public String uri() {
        return BASE + slug;
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** The general type of a status; the specific 400 types are chosen by whoever raises them. */
    public static ProblemType forStatus(int status) {
        return Arrays.stream(values()).filter(t -> t.status == status && t != INVALID_PARAMETER
                        && t != UNKNOWN_PARAMETER && t != INVALID_BODY).findFirst()
                .orElse(status >= 500 ? INTERNAL : BAD_REQUEST);
    }
}
