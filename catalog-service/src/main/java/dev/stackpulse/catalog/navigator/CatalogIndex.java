package dev.stackpulse.catalog.navigator;

import dev.stackpulse.catalog.adoption.AdoptionService;
import dev.stackpulse.catalog.adoption.AdoptionView;
import dev.stackpulse.catalog.adoption.Adoptions;
import dev.stackpulse.catalog.project.ProjectView;
import dev.stackpulse.catalog.project.Projects;
import dev.stackpulse.catalog.release.ReleaseView;
import dev.stackpulse.catalog.release.Releases;
import dev.stackpulse.web.Language;
import dev.stackpulse.outbox.ChangeListener;
import dev.stackpulse.outbox.ChangeNotice;
import dev.stackpulse.outbox.ReadModelSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog's read model for the lists: every project, release and per-release record, loaded in three queries
 * after a change and kept in memory until the next ChangeNotice of a project, release or record (or
 * "everything"). Per release and language the entries with their computed figures are derived once, so a list
 * request costs its filters over memory, no query. Kept only while the change listener is connected.
 */
@ApplicationScoped
public class CatalogIndex {

    private static final Set<String> ENTITIES = Set.of("project", "release", AdoptionService.ENTITY);

    private final Projects projects;
    private final Releases releases;
    private final Adoptions adoptions;
    private final ReadModelSnapshot<Snapshot> current;

    public CatalogIndex(Projects projects, Releases releases, Adoptions adoptions, ChangeListener listener) {
        this.projects = projects;
        this.releases = releases;
        this.adoptions = adoptions;
        this.current = new ReadModelSnapshot<>(listener);
    }

    /** The catalog as of the last change this replica was told of. */
    Snapshot snapshot() {
        return current.get(this::load);
    }

    void changed(@Observes ChangeNotice notice) {
        if (notice.everything() || ENTITIES.contains(notice.entity())) {
            current.changed();
        }
    }

    private Snapshot load() {
        Map<String, ReleaseView> byName = releases.byName();
        List<ProjectView> all = projects.all();
        List<AdoptionView> records = adoptions.all();
        return new Snapshot(all.stream().collect(Collectors.toMap(ProjectView::slug, Function.identity())), all,
                byName, records.stream().collect(Collectors.groupingBy(AdoptionView::release)),
                records.stream().collect(Collectors.groupingBy(AdoptionView::project)));
    }

    /** A project with its entry for one release and language. */
    record Candidate(ProjectView project, ProjectEntry entry) {
    }

    /**
     * One release's entries in one language, by name then slug: all projects, those with a record for the release
     * (the Navigator's), those with an adoption figure (what any minAdoption filter can match).
     */
    record Entries(List<Candidate> all, List<Candidate> recorded, List<Candidate> withAdoption) {
    }

    /** The whole catalog at one moment, with its derived entries (computed on first use). */
    static final class Snapshot {

        private static final Comparator<ProjectView> BY_NAME = Comparator
                .comparing((ProjectView p) -> p.name().toLowerCase(Locale.ROOT)).thenComparing(ProjectView::slug);

        final Map<String, ProjectView> bySlug;
        final List<ProjectView> projects;
        final Map<String, ReleaseView> releases;
        final Map<String, List<AdoptionView>> byRelease;
        final Map<String, List<AdoptionView>> byProject;
        final ReleaseView newestWithData;
        private final Map<String, Entries> entries = new ConcurrentHashMap<>();

        Snapshot(Map<String, ProjectView> bySlug, List<ProjectView> projects, Map<String, ReleaseView> releases,
                 Map<String, List<AdoptionView>> byRelease, Map<String, List<AdoptionView>> byProject) {
            this.bySlug = bySlug;
            this.projects = projects.stream().sorted(BY_NAME).toList();
            this.releases = releases;
            this.byRelease = byRelease;
            this.byProject = byProject;
            // survey data: a release whose records are highlights only (an upstream import) is not the default
            this.newestWithData = byRelease.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(a -> a.adoption() != null))
                    .map(e -> releases.get(e.getKey())).filter(Objects::nonNull)
                    .max(Comparator.comparingInt(ReleaseView::sequence)).orElse(null);
        }

        /** The entries of a release (null: none) in a language; ages at today where the release has no date. */
        Entries entries(ReleaseView release, Language language) {
            String key = (release == null ? "" : release.name()) + '\u001f' + language + '\u001f' + LocalDate.now();
            return entries.computeIfAbsent(key, k -> derive(release, language));
        }

        private Entries derive(ReleaseView release, Language language) {
            Map<String, AdoptionView> records = release == null ? Map.of()
                    : byRelease.getOrDefault(release.name(), List.of()).stream()
                    .collect(Collectors.toMap(AdoptionView::project, Function.identity()));
            List<Candidate> all = new ArrayList<>(projects.size());
            List<Candidate> recorded = new ArrayList<>();
            List<Candidate> withAdoption = new ArrayList<>();
            for (ProjectView p : projects) {
                AdoptionView a = records.get(p.slug());
                Integer adoption = a == null ? null : a.adoption();
                Language.Localized d = Language.pick(language, p.descriptionEn(), p.descriptionJa());
                Candidate c = new Candidate(p, new ProjectEntry(p.slug(), p.name(), p.serviceName(), p.serviceType(),
                        p.tier(), d.text(), d.language().tag(), p.firstRelease(),
                        release == null ? null : release.name(), adoption, NavigatorService.maturity(p, adoption),
                        NavigatorService.age(p, releases, release)));
                all.add(c);
                if (a != null) {
                    recorded.add(c);
                    if (adoption != null) {
                        withAdoption.add(c);
                    }
                }
            }
            return new Entries(List.copyOf(all), List.copyOf(recorded), List.copyOf(withAdoption));
        }
    }
}
