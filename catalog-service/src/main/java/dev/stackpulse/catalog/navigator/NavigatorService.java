package dev.stackpulse.catalog.navigator;

import dev.stackpulse.catalog.adoption.AdoptionView;
import dev.stackpulse.catalog.adoption.Adoptions;
import dev.stackpulse.catalog.maturity.Maturity;
import dev.stackpulse.catalog.maturity.MaturityInputs;
import dev.stackpulse.catalog.maturity.ProjectAge;
import dev.stackpulse.catalog.project.ProjectView;
import dev.stackpulse.catalog.project.Projects;
import dev.stackpulse.catalog.release.ReleaseView;
import dev.stackpulse.catalog.release.Releases;
import dev.stackpulse.catalog.support.Language;
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
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read side of the catalog: projects with their figures for a release (the list, the Navigator, a project's
 * trend, a release's highlights). Text and tier filters run in SQL; adoption, maturity and age are computed per
 * request (the catalog holds tens of projects), then filtered, sorted and paged here.
 */
@ApplicationScoped
public class NavigatorService {

    /** The one order of a release's highlights; their cursors carry it. */
    private static final String HIGHLIGHT_ORDER = "highlights:name";

    private final Projects projects;
    private final Releases releases;
    private final Adoptions adoptions;

    public NavigatorService(Projects projects, Releases releases, Adoptions adoptions) {
        this.projects = projects;
        this.releases = releases;
        this.adoptions = adoptions;
    }

    public Slice<ProjectEntry> list(ProjectQuery query, Language language) {
        Map<String, ReleaseView> byName = releases.byName();
        Figures figures = figures(releaseOrDefault(query.release(), byName), byName);
        List<ProjectEntry> entries = projects.matching(query.tier(), query.serviceType(), query.q()).stream()
                .map(p -> figures.entry(p, language))
                .filter(query::accepts)
                .sorted(query.order())
                .toList();
        return Slice.after(entries, query.afterCursor(), query.limit(), query::cursorOf);
    }

    /** Projects surveyed in the release (those with a record for it), core and optional side by side. */
    public NavigatorView navigator(String releaseName, Language language) {
        Map<String, ReleaseView> byName = releases.byName();
        ReleaseView release = releaseOrDefault(releaseName, byName);
        if (release == null) {
            throw ProblemException.notFound("release with data", "any");
        }
        Figures figures = figures(release, byName);
        List<ProjectEntry> surveyed = projects.all().stream()
                .filter(p -> figures.records().containsKey(p.slug()))
                .map(p -> figures.entry(p, language))
                .sorted(Comparator.comparing((ProjectEntry e) -> e.name().toLowerCase(Locale.ROOT))
                        .thenComparing(ProjectEntry::slug))
                .toList();
        return new NavigatorView(release.name(), release.displayName(), release.releaseDate(),
                surveyed.stream().filter(e -> e.tier().equals("core")).toList(),
                surveyed.stream().filter(e -> e.tier().equals("optional")).toList());
    }

    /** Adoption, its change, maturity and age in every release that has a record for the project. */
    public AdoptionTrend trend(String slug) {
        ProjectView p = projects.require(slug);
        Map<String, ReleaseView> byName = releases.byName();
        List<AdoptionView> records = new ArrayList<>(adoptions.ofProject(slug));
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
        releases.require(release);
        Map<String, String> names = projects.all().stream()
                .collect(Collectors.toMap(ProjectView::slug, ProjectView::name));
        List<HighlightView> items = adoptions.ofRelease(release).stream()
                .filter(a -> !a.highlights().isEmpty())
                .map(a -> new HighlightView(a.project(), names.get(a.project()), a.adoption(), a.highlights()))
                .sorted(Comparator.comparing((HighlightView h) -> h.name().toLowerCase(Locale.ROOT))
                        .thenComparing(HighlightView::project))
                .toList();
        List<String> position = after == null ? null : highlightCursor(after);
        return Slice.after(items, position == null ? null : h -> compare(h, position) > 0, limit,
                h -> Cursor.encode(List.of(HIGHLIGHT_ORDER, h.name().toLowerCase(Locale.ROOT), h.project())));
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
    private ReleaseView releaseOrDefault(String name, Map<String, ReleaseView> byName) {
        if (name == null) {
            return adoptions.releasesWithData().stream().map(byName::get).filter(Objects::nonNull)
                    .max(Comparator.comparingInt(ReleaseView::sequence)).orElse(null);
        }
        ReleaseView r = byName.get(name);
        if (r == null) {
            throw ProblemException.badRequest("release", "unknown release '" + name + "'");
        }
        return r;
    }

    private Figures figures(ReleaseView release, Map<String, ReleaseView> byName) {
        Map<String, AdoptionView> records = release == null ? Map.of()
                : adoptions.ofRelease(release.name()).stream()
                .collect(Collectors.toMap(AdoptionView::project, Function.identity()));
        return new Figures(release, records, byName);
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

    /** Everything needed to compute entries for one release. */
    private record Figures(ReleaseView release, Map<String, AdoptionView> records,
                           Map<String, ReleaseView> releases) {

        ProjectEntry entry(ProjectView p, Language language) {
            AdoptionView a = records.get(p.slug());
            Integer adoption = a == null ? null : a.adoption();
            Language.Localized d = Language.pick(language, p.descriptionEn(), p.descriptionJa());
            return new ProjectEntry(p.slug(), p.name(), p.serviceName(), p.serviceType(), p.tier(), d.text(),
                    d.language().tag(), p.firstRelease(), release == null ? null : release.name(), adoption,
                    maturity(p, adoption), age(p, releases, release));
        }
    }
}
