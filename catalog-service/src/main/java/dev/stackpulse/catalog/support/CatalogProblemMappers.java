package dev.stackpulse.catalog.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bridges gaps of the shared ProblemMappers (they belong in web-support; see README): Quarkus' built-in mapper
 * for MismatchedInputException (unknown field, wrong type) answers plain JSON, unparseable bodies arrive wrapped
 * in a WebApplicationException, and a unique key lost to a concurrent insert or a value PostgreSQL cannot store
 * (a NUL character in a text) would otherwise be a 500. The transaction has rolled back: nothing was stored.
 */
public class CatalogProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response wrapped(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return problems.unreadable(json, uri);
        }
        return problems.web(e, uri);
    }

    /** A concurrent write took the same key between our existence check and the insert. */
    @ServerExceptionMapper
    public Response duplicateKey(ConstraintViolationException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, "Conflict",
                "the resource already exists or is still referenced (a concurrent write); read it and retry",
                List.of()), uri);
    }

    /** Valid JSON that PostgreSQL still refuses, e.g. a NUL character in a text. */
    @ServerExceptionMapper
    public Response unstorable(DataException e, UriInfo uri) {
        return problems.problem(new ProblemException(400, "Bad Request",
                "a value cannot be stored (e.g. a text containing a NUL character)", List.of()), uri);
    }
}
