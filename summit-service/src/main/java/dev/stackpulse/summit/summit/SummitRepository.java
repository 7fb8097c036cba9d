package dev.stackpulse.summit.summit;

import dev.stackpulse.web.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Where summits are stored and found; other features reach summits through this bean, not static finders. */
@ApplicationScoped
public class SummitRepository {

    /** The summit or 404. */
    public Summit find(String slug) {
        Summit s = Summit.findById(slug);
        if (s == null) {
            throw ProblemException.notFound("summit", slug);
        }
        return s;
    }

    /** The summit locked for this transaction (so If-Match is checked against the version we change), or 404. */
    public Summit findForUpdate(String slug) {
        Summit s = Summit.findById(slug, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("summit", slug);
        }
        return s;
    }

    public boolean exists(String slug) {
        return Summit.count("slug", slug) > 0;
    }

    List<Summit> byDate() {
        return Summit.list("order by startDate, slug");
    }

    /** Up to {@code rows} summits (alias {@code s}) matching a JPQL condition, in the given order. */
    List<Summit> find(String where, String orderBy, Parameters params, int rows) {
        return Summit.<Summit>find("from Summit s" + (where.isEmpty() ? "" : " where " + where) + " order by "
                + orderBy, params).range(0, rows - 1).list();
    }
}
