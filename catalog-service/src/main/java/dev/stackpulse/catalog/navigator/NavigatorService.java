package dev.stackpulse.catalog.navigator;

import dev.stackpulse.catalog.adoption.AdoptionView;
import dev.stackpulse.catalog.maturity.Maturity;
import dev.stackpulse.catalog.maturity.MaturityInputs;
import dev.stackpulse.catalog.maturity.ProjectAge;
import dev.stackpulse.catalog.project.ProjectView;
import dev.stackpulse.catalog.release.ReleaseView;
import dev.stackpulse.catalog.release.Releases;
import dev.stackpulse.web.Language;
import dev.stackpulse.web.Cursor;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read side of the catalog: projects with their figures for a release (the list, the Navigator, a project's
 * trend, a release's highlights), answered from the {@link CatalogIndex} read model: no query per request while
 * nothing changes; filters, sort and page run over the entries derived once per change.
 */
@ApplicationScoped
public class NavigatorService {

    /** The one order of a release's highlights; their cursors carry it. */
    private static final String HIGHLIGHT_ORDER = "highlights:name";

    private final Releases releases;
    private final CatalogIndex index;

    public NavigatorService(Releases releases, CatalogIndex index) {
        this.releases = releases;
        this.index = index;
    }

    public Slice<ProjectEntry> list(ProjectQuery query, Language language) {
        CatalogIndex.Snapshot snapshot = index.snapshot();
        CatalogIndex.Entries entries = snapshot.entries(releaseOrDefault(query.release(), snapshot), language);
        // Unsurveyed projects never match minAdoption: its list skips them, so its cost follows the surveyed ones.
        List<CatalogIndex.Candidate> source = query.minAdoption() != null ? entries.withAdoption() : entries.all();
        List<ProjectEntry> matching = new ArrayList<>();
        String q = query.q() == null ? null : query.q().toLowerCase(Locale.ROOT);
        for (CatalogIndex.Candidate c : source) {
            ProjectView p = c.project();
            if ((query.tier() == null || query.tier().equals(p.tier()))
                    && (query.serviceType() == null || query.serviceType().matches(p.serviceType()))
                    && (q == null || contains(p.name(), q) || contains(p.serviceName(), q)
                    || contains(p.descriptionEn(), q) || contains(p.descriptionJa(), q))
                    && query.accepts(c.entry())) {
                matching.add(c.entry());
            }
        }
        matching.sort(query.order());
        return Slice.after(matching, query.afterCursor(), query.limit(), query::cursorOf);
    }

    /** Projects surveyed in the release (those with a record for it), core and optional side by side. */
    public NavigatorView navigator(String releaseName, Language language) {
        CatalogIndex.Snapshot snapshot = index.snapshot();
        ReleaseView release = releaseOrDefault(releaseName, snapshot);
        if (release == null) {
            throw ProblemException.notFound("release with data", "any");
        }
        List<ProjectEntry> surveyed = snapshot.entries(release, language).recorded().stream()
                .map(CatalogIndex.Candidate::entry).toList();
        return new NavigatorView(release.name(), release.displayName(), release.releaseDate(),
                surveyed.stream().filter(e -> e.tier().equals("core")).toList(),
                surveyed.stream().filter(e -> e.tier().equals("optional")).toList());
    }

    /** Adoption, its change, maturity and age in every release that has a record for the project. */
    public AdoptionTrend trend(String slug) {
        CatalogIndex.Snapshot snapshot = index.snapshot();
        ProjectView p = slug == null ? null : snapshot.bySlug.get(slug);
        if (p == null) {
            throw ProblemException.notFound("project", slug);
        }
        Map<String, ReleaseView> byName = snapshot.releases;
        List<AdoptionView> records = new ArrayList<>(snapshot.byProject.getOrDefault(slug, List.of()));
        records.sort(Comparator.comparingInt(a -> byName.get(a.release()).sequence()));
        List<AdoptionTrend.Point> points = new ArrayList<>();
        Integer previous = null;
        for (AdoptionView a : records) {
            ReleaseView r = byName.get(a.release());
            Integer change = previous == null || a.adoption() == null ? null : a.adoption() - previous;
            points.add(new AdoptionTrend.Point(r.name(), r.displayName(), r.sequence(), r.releaseDate(),
                    a.adoption(), change, a.highlights(), maturity(p, a.adoption()), age(p, byName, r)));
            previous = a.adoption() == null ? previous : a.adoption();
        }
        return new AdoptionTrend(p.slug(), p.name(), points);
    }

    /** The projects with highlight topics in this release, by project name (then slug); 404 for an unknown release. */
    public Slice<HighlightView> highlights(String release, String after, int limit) {
        CatalogIndex.Snapshot snapshot = index.snapshot();
        if (release == null || !snapshot.releases.containsKey(release)) {
            releases.require(release); // the 404 naming the release
        }
        Map<String, ProjectView> bySlug = snapshot.bySlug;
        List<HighlightView> items = snapshot.byRelease.getOrDefault(release, List.of()).stream()
                .filter(a -> !a.highlights().isEmpty())
                .map(a -> new HighlightView(a.project(), nameOf(bySlug.get(a.project())), a.adoption(), a.highlights()))
                .sorted(Comparator.comparing((HighlightView h) -> h.name().toLowerCase(Locale.ROOT))
                        .thenComparing(HighlightView::project))
                .toList();
        List<String> position = after == null ? null : highlightCursor(after);
        return Slice.after(items, position == null ? null : h -> compare(h, position) > 0, limit,
                h -> Cursor.encode(List.of(HIGHLIGHT_ORDER, h.name().toLowerCase(Locale.ROOT), h.project())));
    }

    private static String nameOf(ProjectView p) {
        return p == null ? null : p.name();
    }

    /** SQL's {@code lower(text) like '%q%'}: q is already lower case. */
    private static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q);
    }

    private static int compare(HighlightView h, List<String> position) {
        int c = h.name().toLowerCase(Locale.ROOT).compareTo(position.get(1));
        return c != 0 ? c : h.project().compareTo(position.get(2));
    }

    private static List<String> highlightCursor(String after) {
        List<String> parts = Cursor.decode(after, 3);
        if (!parts.get(0).equals(HIGHLIGHT_ORDER)) {
            throw ProblemException.badRequest("after", "this cursor belongs to another list; use the next link of "
                    + "a previous page");
        }
        return parts;
    }

    /** The named release (400 naming the parameter when unknown), else the newest one with data (null: none). */
    private static ReleaseView releaseOrDefault(String name, CatalogIndex.Snapshot snapshot) {
        if (name == null) {
            return snapshot.newestWithData;
        }
        ReleaseView r = snapshot.releases.get(name);
        if (r == null) {
            throw ProblemException.badRequest("release", "unknown release '" + name + "'");
        }
        return r;
    }

    static Maturity maturity(ProjectView p, Integer adoption) {
        return Maturity.of(new MaturityInputs(adoption, p.installGuide(), p.governanceTags(), p.sdkCount()));
    }

    /** Age at the release's date; at today when no release or it has no date yet. */
    static Integer age(ProjectView p, Map<String, ReleaseView> releases, ReleaseView at) {
        ReleaseView first = p.firstRelease() == null ? null : releases.get(p.firstRelease());
        LocalDate reference = at == null || at.releaseDate() == null ? LocalDate.now() : at.releaseDate();
        return ProjectAge.years(first == null ? null : first.releaseDate(), reference);
    }
}
