package dev.stackpulse.summit.summit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Slice;
import dev.stackpulse.web.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.hibernate.query.NativeQuery;

/** Rules and transactions for summits: every committed change records its event in the outbox. */
@ApplicationScoped
public class SummitService {

    static final String ENTITY = "summit";
    /** Path segments under /summits that are not summits. */
    private static final Set<String> RESERVED = Set.of("attendance", "compare");

    private final OutboxWriter outbox;
    private final MergePatch mergePatch;
    private final SummitRepository summits;
    private final SummitSessions sessions;
    private final SummitColocatedEvents colocated;

    /**
     * A PUT in one statement, without reading the row first: it takes the row lock, bumps the version and answers
     * the replaced version (for If-Match) and the creation time; the owned documents stay as they are.
     */
    private static final String REPLACE = "UPDATE summit SET city = :city, season = :season, "
            + "start_date = :startDate, end_date = :endDate, status = :status, attendees = :attendees, "
            + "countries = :countries, companies = :companies, press_and_analysts = :pressAndAnalysts, "
            + "sponsors = :sponsors, first_time_percent = :firstTimePercent, min_sessions = :minSessions, "
            + "site_url = :siteUrl, videos_url = :videosUrl, version = version + 1, updated_at = :updatedAt "
            + "WHERE slug = :slug RETURNING version - 1, created_at";

    public SummitService(OutboxWriter outbox, MergePatch mergePatch, SummitRepository summits,
                         SummitSessions sessions, SummitColocatedEvents colocated) {
        this.colocated = colocated;
        this.outbox = outbox;
        this.mergePatch = mergePatch;
        this.summits = summits;
        this.sessions = sessions;
    }

    /** A page of summits in the sort's order (then by slug); {@code after} is a cursor of this order or null. */
    public Slice<SummitView> list(SummitList.Filter filter, Sort sort, String after, int limit) {
        List<Summit> rows = SummitList.fetch(summits, filter, sort, after, limit);
        return Slice.of(rows, limit, s -> SummitList.cursor(s, sort)).map(SummitView::of);
    }

    public SummitView get(String slug) {
        return SummitView.of(summits.find(slug));
    }

    public Attendance attendance() {
        return Attendance.of(summits.byDate());
    }

    public Comparison compare(String a, String b) {
        return Comparison.of(get(a), get(b));
    }

    @Transactional
    public SummitView create(SummitInput input) {
        if (input.slug() == null || input.slug().isBlank()) {
            throw ProblemException.invalidBody("slug", "must not be blank");
        }
        if (RESERVED.contains(input.slug())) {
            throw ProblemException.invalidBody("slug", "'" + input.slug() + "' is reserved");
        }
        checkDates(input);
        if (summits.exists(input.slug())) {
            throw ProblemException.conflict("summit '" + input.slug() + "' already exists");
        }
        Summit s = new Summit();
        s.slug = input.slug();
        s.demographics = "{\"topCountries\":[],\"regionShares\":[],\"roleShares\":[]}";
        s.highlights = "[]";
        s.awards = "[]";
        apply(s, input);
        s.persist();
        outbox.record(ENTITY, s.slug, ChangeKind.CREATED, () -> SummitView.of(s));
        return SummitView.of(s);
    }

    @Transactional
    public SummitView replace(String slug, SummitInput input, Precondition precondition) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw ProblemException.invalidBody("slug", "must equal the slug in the path ('" + slug + "') or be absent");
        }
        checkDates(input);
        Summit s = new Summit();
        s.slug = slug;
        apply(s, input);
        // typed parameters: a null is bound with its column's type
        List<?> replaced = Summit.getEntityManager().createNativeQuery(REPLACE).unwrap(NativeQuery.class)
                .setParameter("slug", slug, String.class).setParameter("city", s.city, String.class)
                .setParameter("season", s.season, String.class)
                .setParameter("startDate", s.startDate, LocalDate.class)
                .setParameter("endDate", s.endDate, LocalDate.class).setParameter("status", s.status, String.class)
                .setParameter("attendees", s.attendees, Integer.class)
                .setParameter("countries", s.countries, Integer.class)
                .setParameter("companies", s.companies, Integer.class)
                .setParameter("pressAndAnalysts", s.pressAndAnalysts, Integer.class)
                .setParameter("sponsors", s.sponsors, Integer.class)
                .setParameter("firstTimePercent", s.firstTimePercent, Integer.class)
                .setParameter("minSessions", s.minSessions, Integer.class)
                .setParameter("siteUrl", s.siteUrl, String.class).setParameter("videosUrl", s.videosUrl, String.class)
                .setParameter("updatedAt", s.updatedAt, OffsetDateTime.class)
                .getResultList();
        if (replaced.isEmpty()) {
            throw ProblemException.notFound("summit", slug);
        }
        Object[] row = (Object[]) replaced.get(0);
        long previous = ((Number) row[0]).longValue();
        precondition.check(previous); // a refused precondition rolls the update back
        s.version = previous + 1;
        s.createdAt = utc(row[1]);
        outbox.record(ENTITY, s.slug, ChangeKind.UPDATED, () -> SummitView.of(s));
        return SummitView.of(s);
    }

    private static OffsetDateTime utc(Object time) {
        return time instanceof OffsetDateTime odt ? odt.withOffsetSameInstant(ZoneOffset.UTC)
                : time instanceof Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC)
                : ((Instant) time).atOffset(ZoneOffset.UTC);
    }

    /** A JSON merge patch of the figures: the merged result must be a valid PUT body. */
    @Transactional
    public SummitView patch(String slug, String patch, Precondition precondition) throws JsonProcessingException {
        Summit current = summits.findForUpdate(slug);
        SummitInput merged = mergePatch.apply(SummitInput.of(current), patch, SummitInput.class);
        return replace(slug, merged, precondition);
    }

    @Transactional
    public void delete(String slug, Precondition precondition) {
        Summit s = summits.findForUpdate(slug);
        precondition.check(s.version);
        long held = sessions.countAt(slug);
        if (held > 0) {
            throw ProblemException.conflict("summit '" + slug + "' has " + held
                    + " design-summit sessions; delete them first");
        }
        long alongside = colocated.countAt(slug);
        if (alongside > 0) {
            throw ProblemException.conflict("summit '" + slug + "' has " + alongside
                    + " co-located events; delete them first");
        }
        SummitView last = SummitView.of(s);
        s.delete();
        outbox.record(ENTITY, slug, ChangeKind.DELETED, () -> last);
    }

    private static void checkDates(SummitInput input) {
        if (input.endDate().isBefore(input.startDate())) {
            throw ProblemException.invalidBody("endDate", "must not be before startDate");
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
        s.touch();
    }
}
