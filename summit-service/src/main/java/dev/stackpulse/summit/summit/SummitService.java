package dev.stackpulse.summit.summit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.summit.support.Json;
import dev.stackpulse.summit.support.Paging;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Versions;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rules and transactions for summits: every committed change records its event in the outbox. */
@ApplicationScoped
public class SummitService {

    static final String ENTITY = "summit";
    /** Path segments under /summits that are not summits. */
    private static final Set<String> RESERVED = Set.of("attendance", "compare");

    private final OutboxWriter outbox;
    private final Json json;

    public SummitService(OutboxWriter outbox, Json json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** A page of summits; list holds the items and the total. */
    public record Listing(List<SummitView> items, long total) {
    }

    public Listing list(Integer year, String status, String sort, boolean descending, Paging paging) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (year != null) {
            where.add("extract(year from startDate) = :year");
            params.and("year", year);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
        Sort order = "attendees".equals(sort)
                ? Sort.by("attendees", direction, Sort.NullPrecedence.NULLS_LAST).and("startDate").and("slug")
                : Sort.by("startDate", direction).and("slug", direction);
        String query = String.join(" and ", where);
        PanacheQuery<Summit> found = Summit.find(query, order, params.map());
        List<SummitView> items = found.page(paging.page(), paging.size()).list().stream()
                .map(SummitView::of).toList();
        return new Listing(items, found.count());
    }

    public SummitView get(String slug) {
        return SummitView.of(find(slug));
    }

    public Attendance attendance() {
        return Attendance.of(Summit.list("order by startDate, slug"));
    }

    public Comparison compare(String a, String b) {
        return Comparison.of(get(a), get(b));
    }

    @Transactional
    public SummitView create(SummitInput input) {
        if (input.slug() == null || input.slug().isBlank()) {
            throw ProblemException.badRequest("slug", "must not be blank");
        }
        if (RESERVED.contains(input.slug())) {
            throw ProblemException.badRequest("slug", "'" + input.slug() + "' is reserved");
        }
        checkDates(input);
        if (Summit.findById(input.slug()) != null) {
            throw ProblemException.conflict("summit '" + input.slug() + "' already exists");
        }
        Summit s = new Summit();
        s.slug = input.slug();
        s.demographics = "{\"topCountries\":[],\"regionShares\":[],\"roleShares\":[]}";
        s.highlights = "[]";
        s.awards = "[]";
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(s, input);
        s.persist();
        outbox.record(ENTITY, s.slug, ChangeKind.CREATED, () -> SummitView.of(s));
        return SummitView.of(s);
    }

    @Transactional
    public SummitView replace(String slug, SummitInput input, String ifMatch) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw ProblemException.badRequest("slug", "must equal the slug in the path ('" + slug + "') or be absent");
        }
        checkDates(input);
        Summit s = findForUpdate(slug);
        Versions.checkIfMatch(ifMatch, s.version);
        apply(s, input);
        outbox.record(ENTITY, s.slug, ChangeKind.UPDATED, () -> SummitView.of(s));
        return SummitView.of(s);
    }

    @Transactional
    public SummitView patch(String slug, JsonNode patch, String ifMatch) throws JsonProcessingException {
        Summit current = find(slug);
        SummitInput merged = json.mergePatch(SummitInput.of(current), patch, SummitInput.class);
        return replace(slug, merged, ifMatch);
    }

    @Transactional
    public void delete(String slug, String ifMatch) {
        Summit s = findForUpdate(slug);
        Versions.checkIfMatch(ifMatch, s.version);
        long sessions = Summit.getEntityManager()
                .createQuery("select count(x) from DesignSession x where x.summit = :slug", Long.class)
                .setParameter("slug", slug).getSingleResult();
        if (sessions > 0) {
            throw ProblemException.conflict("summit '" + slug + "' has " + sessions
                    + " design-summit sessions; delete them first");
        }
        SummitView last = SummitView.of(s);
        s.delete();
        outbox.record(ENTITY, slug, ChangeKind.DELETED, () -> last);
    }

    /** The summit or 404. */
    public static Summit find(String slug) {
        Summit s = Summit.findById(slug);
        if (s == null) {
            throw ProblemException.notFound("summit", slug);
        }
        return s;
    }

    /** The summit locked for this transaction (so If-Match is checked against the version we change), or 404. */
    public static Summit findForUpdate(String slug) {
        Summit s = Summit.findById(slug, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("summit", slug);
        }
        return s;
    }

    private static void checkDates(SummitInput input) {
        if (input.endDate().isBefore(input.startDate())) {
            throw ProblemException.badRequest("endDate", "must not be before startDate");
        }
    }

    private static void apply(Summit s, SummitInput in) {
        s.city = in.city();
        s.season = in.season();
        s.startDate = in.startDate();
        s.endDate = in.endDate();
        s.status = in.status();
        s.attendees = in.attendees();
        s.countries = in.countries();
        s.companies = in.companies();
        s.pressAndAnalysts = in.pressAndAnalysts();
        s.sponsors = in.sponsors();
        s.firstTimePercent = in.firstTimePercent();
        s.minSessions = in.minSessions();
        s.siteUrl = in.links() == null ? null : in.links().site();
        s.videosUrl = in.links() == null ? null : in.links().videos();
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
