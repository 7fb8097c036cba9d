package dev.stackpulse.summit.colocated;

import dev.stackpulse.web.Language;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.summit.summit.SummitRepository;
import dev.stackpulse.web.Cursor;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Rules and transactions for the events held alongside a summit: every committed change records one
 * {@code summit.colocated-event.*} event (subject {@code <summit>/<key>}, the event's own version line) in the outbox.
 */
@ApplicationScoped
public class ColocatedEventService {

    static final String ENTITY = "colocated-event";
    /** The one order of the list (start date, then key); cursors carry it, so they stay bound to this list. */
    static final String ORDER = "startDate,key";

    private final OutboxWriter outbox;
    private final MergePatch mergePatch;
    private final ColocatedEventRepository events;
    private final SummitRepository summits;

    public ColocatedEventService(OutboxWriter outbox, MergePatch mergePatch, ColocatedEventRepository events,
                                 SummitRepository summits) {
        this.outbox = outbox;
        this.mergePatch = mergePatch;
        this.events = events;
        this.summits = summits;
    }

    /** A page of the summit's co-located events (404 for an unknown summit), of one kind when kind is not null. */
    public Slice<ColocatedEventView> list(String summit, String kind, String after, int limit, Language language) {
        requireSummit(summit);
        LocalDate afterDate = null;
        String afterKey = null;
        if (after != null) {
            List<String> parts = Cursor.decode(after, 3);
            if (!parts.get(0).equals(ORDER)) {
                throw ProblemException.badRequest("after", "this cursor belongs to another list; start again without after");
            }
            try {
                afterDate = LocalDate.parse(parts.get(1));
            } catch (DateTimeException e) {
                throw ProblemException.badRequest("after", "malformed cursor; use the one a previous page returned");
            }
            afterKey = parts.get(2);
        }
        List<ColocatedEvent> rows = events.page(summit, kind, afterDate, afterKey, limit + 1);
        return Slice.of(rows, limit, ColocatedEventService::cursor).map(e -> ColocatedEventView.of(e, language));
    }

    public ColocatedEventView get(String summit, String key, Language language) {
        return ColocatedEventView.of(events.find(summit, key), language);
    }

    @Transactional
    public ColocatedEventView create(String summit, ColocatedEventInput input, Language language) {
        requireSummit(summit);
        if (input.key() == null || input.key().isBlank()) {
            throw ProblemException.invalidBody("key", "must not be blank");
        }
        checkDates(input);
        if (events.exists(summit, input.key())) {
            throw ProblemException.conflict("co-located event '" + input.key() + "' already exists at summit '"
                    + summit + "'");
        }
        ColocatedEvent e = new ColocatedEvent();
        e.summit = summit;
        e.eventKey = input.key();
        apply(e, input);
        e.persist();
        outbox.record(ENTITY, subject(e), ChangeKind.CREATED, () -> ColocatedEventView.of(e, Language.EN));
        return ColocatedEventView.of(e, language);
    }

    @Transactional
    public ColocatedEventView replace(String summit, String key, ColocatedEventInput input, Precondition precondition,
                                      Language language) {
        if (input.key() != null && !input.key().equals(key)) {
            throw ProblemException.invalidBody("key", "must equal the key in the path ('" + key + "') or be absent");
        }
        checkDates(input);
        ColocatedEvent e = events.findForUpdate(summit, key);
        precondition.check(e.version);
        apply(e, input);
        outbox.record(ENTITY, subject(e), ChangeKind.UPDATED, () -> ColocatedEventView.of(e, Language.EN));
        return ColocatedEventView.of(e, language);
    }

    /** A JSON merge patch of the event: the merged result must be a valid PUT body. */
    @Transactional
    public ColocatedEventView patch(String summit, String key, String patch, Precondition precondition,
                                    Language language) throws JsonProcessingException {
        ColocatedEventInput current = ColocatedEventInput.of(events.findForUpdate(summit, key));
        ColocatedEventInput merged = mergePatch.apply(current, patch, ColocatedEventInput.class);
        return replace(summit, key, merged, precondition, language);
    }

    @Transactional
    public void delete(String summit, String key, Precondition precondition) {
        ColocatedEvent e = events.findForUpdate(summit, key);
        precondition.check(e.version);
        ColocatedEventView last = ColocatedEventView.of(e, Language.EN);
        e.delete();
        outbox.record(ENTITY, subject(e), ChangeKind.DELETED, () -> last);
    }

    /** {@code tokyo-2015/upstream-training}: the event has a version line of its own, so a subject of its own. */
    static String subject(ColocatedEvent e) {
        return ChangeEvent.partSubject(e.summit, e.eventKey);
    }

    private static String cursor(ColocatedEvent e) {
        return Cursor.encode(List.of(ORDER, e.startDate.toString(), e.eventKey));
    }

    private void requireSummit(String slug) {
        if (!summits.exists(slug)) {
            throw ProblemException.notFound("summit", slug);
        }
    }

    private static void checkDates(ColocatedEventInput input) {
        if (input.endDate().isBefore(input.startDate())) {
            throw ProblemException.invalidBody("endDate", "must not be before startDate");
        }
    }

    private static void apply(ColocatedEvent e, ColocatedEventInput in) {
        e.kind = in.kind();
        e.name = in.name();
        e.startDate = in.startDate();
        e.endDate = in.endDate();
        e.taughtBy = in.taughtBy();
        e.url = in.url();
        e.summaryEn = in.summaryEn();
        e.summaryJa = in.summaryJa();
        e.touch();
    }
}
