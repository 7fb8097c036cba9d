package dev.stackpulse.summit.support;

import dev.stackpulse.web.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Input that passed validation but that PostgreSQL still refuses (a NUL character in a text, a key inserted
 * concurrently) is the client's problem, not a 500; the transaction has rolled back, so nothing was stored.
 */
public class DatabaseMappers {

    private static final Logger LOG = Logger.getLogger(DatabaseMappers.class);

    @ServerExceptionMapper
    public Response unstorable(DataException e, UriInfo uri) {
        LOG.debugf("refused by the database: %s", e.getSQLException().getMessage());
        return problem(400, "Bad Request", "a value cannot be stored (e.g. a text containing a NUL character)", uri);
    }

    @ServerExceptionMapper
    public Response duplicate(ConstraintViolationException e, UriInfo uri) {
        LOG.debugf("constraint violated: %s", e.getConstraintName());
        return problem(409, "Conflict", "the change conflicts with existing data (written concurrently?); "
                + "read it again and retry", uri);
    }

    private static Response problem(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), List.of()))
                .build();
    }
}
