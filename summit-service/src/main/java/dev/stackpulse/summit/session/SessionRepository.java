package dev.stackpulse.summit.session;

import dev.stackpulse.summit.summit.SummitSessions;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Where design-summit sessions are stored and found; notes and summits reach sessions through this bean (the
 * summit feature as {@link SummitSessions}), never through static finders or query strings naming the entity.
 */
@ApplicationScoped
public class SessionRepository implements SummitSessions {

    /** The session or 404. */
    public DesignSession find(long id) {
        DesignSession s = DesignSession.findById(id);
        if (s == null) {
            throw ProblemException.notFound("session", Long.toString(id));
        }
        return s;
    }

    /** The session locked for this transaction (writes of it and of its notes are serialized), or 404. */
    public DesignSession findForUpdate(long id) {
        DesignSession s = DesignSession.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("session", Long.toString(id));
        }
        return s;
    }

    @Override
    public long countAt(String summitSlug) {
        return DesignSession.count("summit", summitSlug);
    }
}
