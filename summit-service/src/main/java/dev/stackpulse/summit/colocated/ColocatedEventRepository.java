package dev.stackpulse.summit.colocated;

import dev.stackpulse.summit.summit.SummitColocatedEvents;
import dev.stackpulse.web.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;

/**
 * Where co-located events are stored and found; the summit feature reaches them through this bean (as
 * {@link SummitColocatedEvents}), never through static finders or query strings naming the entity.
 */
@ApplicationScoped
public class ColocatedEventRepository implements SummitColocatedEvents {

    /** The event or 404. */
    ColocatedEvent find(String summit, String key) {
        return ColocatedEvent.<ColocatedEvent>find("summit = ?1 and eventKey = ?2", summit, key)
                .firstResultOptional().orElseThrow(() -> notFound(summit, key));
    }

    /** The event locked for this transaction (so If-Match is checked against the version we change), or 404. */
    ColocatedEvent findForUpdate(String summit, String key) {
        return ColocatedEvent.<ColocatedEvent>find("summit = ?1 and eventKey = ?2", summit, key)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> notFound(summit, key));
    }

    boolean exists(String summit, String key) {
        return ColocatedEvent.count("summit = ?1 and eventKey = ?2", summit, key) > 0;
    }

    /**
     * Up to {@code rows} events of the summit in the list's order (start date, then key), of one kind when
     * {@code kind} is not null, after the position (afterDate, afterKey) when afterDate is not null.
     */
    List<ColocatedEvent> page(String summit, String kind, LocalDate afterDate, String afterKey, int rows) {
        StringBuilder where = new StringBuilder("summit = :summit");
        Parameters params = Parameters.with("summit", summit);
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (afterDate != null) {
            where.append(" and (startDate > :afterDate or (startDate = :afterDate and eventKey > :afterKey))");
            params.and("afterDate", afterDate).and("afterKey", afterKey);
        }
        return ColocatedEvent.<ColocatedEvent>find(where + " order by startDate, eventKey", params)
                .range(0, rows - 1).list();
    }

    @Override
    public long countAt(String summitSlug) {
        return ColocatedEvent.count("summit", summitSlug);
    }

    private static ProblemException notFound(String summit, String key) {
        return ProblemException.notFound("co-located event", summit + "/" + key);
    }
}
