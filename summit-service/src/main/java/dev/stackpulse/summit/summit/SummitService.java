package dev.stackpulse.summit.summit;

import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Rules and transactions for summits: every committed change records its event in the outbox. */
@ApplicationScoped
public class SummitService {

    static final String ENTITY = "summit";

    private final OutboxWriter outbox;

    public SummitService(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public SummitView get(String slug) {
        Summit s = Summit.findById(slug);
        if (s == null) {
            throw ProblemException.notFound("summit", slug);
        }
        return SummitView.of(s);
    }

    @Transactional
    public SummitView create(SummitInput input) {
        if (input.endDate().isBefore(input.startDate())) {
            throw ProblemException.badRequest("endDate", "must not be before startDate");
        }
        if (Summit.findById(input.slug()) != null) {
            throw ProblemException.conflict("summit '" + input.slug() + "' already exists");
        }
        Summit s = new Summit();
        s.slug = input.slug();
        s.city = input.city();
        s.season = input.season();
        s.startDate = input.startDate();
        s.endDate = input.endDate();
        s.status = input.status();
        s.attendees = input.attendees();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.updatedAt = s.createdAt;
        s.persist();
        outbox.record(ENTITY, s.slug, ChangeKind.CREATED, () -> SummitView.of(s));
        return SummitView.of(s);
    }
}
