package dev.stackpulse.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.exception.DataException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem: a clear detail, the offending fields, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        return respond(ProblemType.INVALID_BODY, detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return respond(ProblemType.INVALID_BODY, duplicate + ": given more than once", uri,
                    List.of(new Problem.FieldError(duplicate, "given more than once")));
        }
        if (e instanceof StrictJson.RefusedTextException refused && !refused.getPath().isEmpty()) {
            String field = path(refused);
            return respond(ProblemType.INVALID_BODY, field + ": " + refused.reason(), uri,
                    List.of(new Problem.FieldError(field, refused.reason())));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return respond(ProblemType.INVALID_BODY, "unknown field '" + field + "'", uri,
                    List.of(new Problem.FieldError(field, "unknown field")));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return respond(ProblemType.INVALID_BODY, field + ": wrong type or format", uri,
                    List.of(new Problem.FieldError(field, "wrong type or format")));
        }
        return respond(ProblemType.INVALID_BODY, "request body is not valid JSON", uri, List.of());
    }

    // Closer in type than Quarkus' built-in MismatchedInputException mapper, which answers without problem+json.
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongFormat(InvalidFormatException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** Input that passed validation but PostgreSQL refuses (e.g. a NUL character in a text): nothing stored. */
    @ServerExceptionMapper
    public Response unstorable(DataException e, UriInfo uri) {
        LOG.debugf("refused by the database: %s", e.getMessage());
        return respond(ProblemType.INVALID_BODY, "a value cannot be stored (e.g. a text containing a NUL character)", uri,
                List.of());
    }

    /** A unique key written concurrently by another request: the loser is told to re-read, not a 500. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.debugf("constraint violated: %s", e.getConstraintName());
        return respond(ProblemType.CONFLICT, "the change conflicts with existing data (written concurrently?); read it "
                + "again and retry", uri, List.of());
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, UriInfo uri) {
        return respond(ProblemType.CONFLICT, "the resource was changed concurrently; read it again and retry", uri,
                List.of());
    }

    // RFC 6750 section 3: every 401 names the scheme; an invalid token also says so.
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED, "a valid bearer token is required", uri,
                List.of())).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED, "the bearer token is missing, invalid or expired",
                uri, List.of())).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "the token's roles do not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response databaseDown(JDBCConnectionException e, UriInfo uri) {
        LOG.warnf("database unavailable: %s", e.getMessage());
        return Response.fromResponse(respond(ProblemType.UNAVAILABLE, "the database is unavailable; retry later",
                uri, List.of())).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Unparseable bodies (truncated JSON, number overflow) arrive wrapped in a 400.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? type.title() : e.getMessage();
        return Response.fromResponse(respond(type, detail, uri, List.of())).status(status).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            return databaseDown(new JDBCConnectionException(e.getMessage(), null), uri);
        }
        LOG.error("unexpected failure", e);
        return respond(ProblemType.INTERNAL, "an unexpected error occurred; it has been logged", uri,
                List.of());
    }

    /** A refused connection, a broken or terminated one, or a pool that could not get one in time. */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            // SQLState class 08: connection exception; 57P: the server is shutting down or restarting
            if (t instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))
                    || String.valueOf(sql.getMessage()).contains("acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    static Response respond(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = Problem.of(type, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.body.name" -> "name": drop the method and parameter segments of method validation
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    /** The JSON path of a key given twice (STRICT_DUPLICATE_DETECTION), or null for other errors. */
    static String duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                JsonParser parser = read.getProcessor();
                if (parser != null && parser.getParsingContext() != null) {
                    String path = pathOf(parser.getParsingContext());
                    if (!path.isEmpty()) {
                        return path;
                    }
                }
                String message = read.getOriginalMessage();
                return message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
            }
        }
        return null;
    }

    private static String pathOf(JsonStreamContext context) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                segments.addFirst("." + c.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
