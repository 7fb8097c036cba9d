package dev.stackpulse.catalog.project;

import dev.stackpulse.catalog.adoption.AdoptionRecord;
import dev.stackpulse.catalog.maturity.Maturity;
import dev.stackpulse.catalog.maturity.MaturityInputs;
import dev.stackpulse.catalog.maturity.ProjectAge;
import dev.stackpulse.catalog.release.ReleaseSeries;
import dev.stackpulse.catalog.support.Language;
import dev.stackpulse.catalog.support.Page;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.PublicLinks;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read side of the catalog: projects with their computed figures for a release (list, Navigator, trend).
 * Text and tier filters run in SQL; adoption, maturity and age are computed per request (the catalog holds
 * tens of projects), then filtered, sorted and paged here.
 */
@ApplicationScoped
public class ProjectCatalog {

    public Page<ProjectEntry> list(ProjectQuery query, Language language, UriInfo uri, PublicLinks links) {
        ReleaseSeries release = releaseOrDefault(query.release());
        Figures figures = figures(release);
        List<ProjectEntry> entries = matching(query).stream()
                .map(p -> figures.entry(p, language))
                .filter(query::accepts)
                .sorted(query.order())
                .toList();
        return Page.of(entries, query.page(), query.size(), uri, links);
    }

    /** Projects surveyed in the release (those with a record for it), core and optional side by side. */
    public NavigatorView navigator(String releaseName, Language language) {
        ReleaseSeries release = releaseOrDefault(releaseName);
        if (release == null) {
            throw ProblemException.notFound("release with data", "any");
        }
        Figures figures = figures(release);
        List<ProjectEntry> surveyed = Project.<Project>listAll().stream()
                .filter(p -> figures.records().containsKey(p.slug))
                .map(p -> figures.entry(p, language))
                .sorted(Comparator.comparing((ProjectEntry e) -> e.name().toLowerCase(Locale.ROOT))
                        .thenComparing(ProjectEntry::slug))
                .toList();
        return new NavigatorView(release.name, release.displayName, release.releaseDate,
                surveyed.stream().filter(e -> e.tier().equals("core")).toList(),
                surveyed.stream().filter(e -> e.tier().equals("optional")).toList());
    }

    /** Adoption, its change, maturity and age in every release that has a record for the project. */
    public AdoptionTrend trend(String slug) {
        Project p = ProjectService.find(slug);
        Map<String, ReleaseSeries> releases = releasesByName();
        List<AdoptionRecord> records = new ArrayList<>(AdoptionRecord.ofProject(slug));
        records.sort(Comparator.comparingInt(a -> releases.get(a.releaseName).sequence));
        List<AdoptionTrend.Point> points = new ArrayList<>();
        Integer previous = null;
        for (AdoptionRecord a : records) {
            ReleaseSeries r = releases.get(a.releaseName);
            Integer change = previous == null || a.adoption == null ? null : a.adoption - previous;
            points.add(new AdoptionTrend.Point(r.name, r.displayName, r.sequence, r.releaseDate, a.adoption, change,
                    List.copyOf(a.highlights), maturity(p, a.adoption), age(p, releases, r)));
            previous = a.adoption == null ? previous : a.adoption;
        }
        return new AdoptionTrend(p.slug, p.name, points);
    }

    private static List<Project> matching(ProjectQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query.tier() != null) {
            where.append(" and tier = :tier");
            params.and("tier", query.tier());
        }
        if (query.serviceType() != null) {
            where.append(" and serviceType = :serviceType");
            params.and("serviceType", query.serviceType());
        }
        if (query.q() != null) {
            where.append(" and (lower(name) like :q escape '!' or lower(serviceName) like :q escape '!'"
                    + " or lower(descriptionEn) like :q escape '!' or lower(descriptionJa) like :q escape '!')");
            params.and("q", "%" + query.q().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        return Project.list(where.toString(), params);
    }

    /** The named release (400 naming the parameter when unknown), else the newest one with data. */
    private static ReleaseSeries releaseOrDefault(String name) {
        if (name == null) {
            return ReleaseSeries.newestWithData();
        }
        ReleaseSeries r = ReleaseSeries.findById(name);
        if (r == null) {
            throw ProblemException.badRequest("release", "unknown release '" + name + "'");
        }
        return r;
    }

    private static Figures figures(ReleaseSeries release) {
        Map<String, AdoptionRecord> records = release == null ? Map.of()
                : AdoptionRecord.ofRelease(release.name).stream()
                .collect(Collectors.toMap(a -> a.projectSlug, Function.identity()));
        return new Figures(release, records, releasesByName());
    }

    private static Map<String, ReleaseSeries> releasesByName() {
        return ReleaseSeries.<ReleaseSeries>listAll().stream()
                .collect(Collectors.toMap(r -> r.name, Function.identity()));
    }

    static Maturity maturity(Project p, Integer adoption) {
        return Maturity.of(new MaturityInputs(adoption, p.installGuide, p.governanceTags, p.sdkCount));
    }

    /** Age at the release's date; at today when no release or it has no date yet. */
    static Integer age(Project p, Map<String, ReleaseSeries> releases, ReleaseSeries at) {
        ReleaseSeries first = p.firstRelease == null ? null : releases.get(p.firstRelease);
        LocalDate reference = at == null || at.releaseDate == null ? LocalDate.now() : at.releaseDate;
        return ProjectAge.years(first == null ? null : first.releaseDate, reference);
    }

    /** Everything needed to compute entries for one release. */
    private record Figures(ReleaseSeries release, Map<String, AdoptionRecord> records,
                           Map<String, ReleaseSeries> releases) {

        ProjectEntry entry(Project p, Language language) {
            AdoptionRecord a = records.get(p.slug);
            Integer adoption = a == null ? null : a.adoption;
            Language.Localized d = Language.pick(language, p.descriptionEn, p.descriptionJa);
            return new ProjectEntry(p.slug, p.name, p.serviceName, p.serviceType, p.tier, d.text(),
                    d.language().tag(), p.firstRelease, release == null ? null : release.name, adoption,
                    maturity(p, adoption), age(p, releases, release));
        }
    }
}
