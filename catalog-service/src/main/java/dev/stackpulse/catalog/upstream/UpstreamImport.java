package dev.stackpulse.catalog.upstream;

import dev.stackpulse.catalog.adoption.AdoptionInput;
import dev.stackpulse.catalog.adoption.AdoptionService;
import dev.stackpulse.catalog.adoption.AdoptionView;
import dev.stackpulse.catalog.adoption.Adoptions;
import dev.stackpulse.catalog.project.ProjectView;
import dev.stackpulse.catalog.project.Projects;
import dev.stackpulse.catalog.release.ReleaseInput;
import dev.stackpulse.catalog.release.ReleaseService;
import dev.stackpulse.catalog.release.ReleaseView;
import dev.stackpulse.catalog.release.Releases;
import dev.stackpulse.catalog.upstream.ImportReport.Change;
import dev.stackpulse.catalog.upstream.UpstreamSnapshot.Highlights;
import dev.stackpulse.catalog.upstream.UpstreamSnapshot.Series;
import dev.stackpulse.catalog.upstream.UpstreamSnapshot.Source;
import dev.stackpulse.web.Precondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies upstream files to the catalog as ordinary writes (the release and adoption services, so the outbox and the
 * feed see each change), in one transaction: all of it or nothing. Writes only what differs, so importing the same
 * files again changes nothing and emits no event.
 */
@ApplicationScoped
public class UpstreamImport {

    private final UpstreamReader reader;
    private final Releases releases;
    private final ReleaseService releaseService;
    private final Projects projects;
    private final Adoptions adoptions;
    private final AdoptionService adoptionService;

    public UpstreamImport(UpstreamReader reader, Releases releases, ReleaseService releaseService, Projects projects,
                          Adoptions adoptions, AdoptionService adoptionService) {
        this.reader = reader;
        this.releases = releases;
        this.releaseService = releaseService;
        this.projects = projects;
        this.adoptions = adoptions;
        this.adoptionService = adoptionService;
    }

    @Transactional
    public ImportReport run(Path root, boolean dryRun) {
        long started = System.nanoTime();
        UpstreamSnapshot snapshot = reader.read(root);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Optional<Change>> outcomes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, ReleaseView> held = releases.byName();
        // A new series goes after every series the catalog holds, oldest first, as upstream lists them.
        int next = held.values().stream().mapToInt(ReleaseView::sequence).max().orElse(0) + 1;
        for (Series s : snapshot.series().stream().sorted(Comparator.comparingInt(Series::sequence)).toList()) {
            Optional<ReleaseView> current = Optional.ofNullable(held.get(s.name()));
            outcomes.add(series(s, current, current.isEmpty() ? next++ : 0, dryRun, now));
        }
        Set<String> slugs = projects.all().stream().map(ProjectView::slug).collect(Collectors.toSet());
        Map<String, AdoptionView> records = adoptions.all().stream()
                .collect(Collectors.toMap(a -> a.release() + "/" + a.project(), Function.identity()));
        for (Highlights h : snapshot.highlights()) {
            if (slugs.contains(h.project())) {
                outcomes.add(highlights(h, Optional.ofNullable(records.get(h.series() + "/" + h.project())), dryRun, now));
            } else {
                skipped.add(h.source().file() + ": project '" + h.project() + "' is not in the catalog");
            }
        }
        List<Change> changes = outcomes.stream().flatMap(Optional::stream).toList();
        int created = (int) changes.stream().filter(c -> c.kind().equals("created")).count();
        return new ImportReport(dryRun, snapshot.series().size(), snapshot.highlights().size(), created,
                changes.size() - created, outcomes.size() - changes.size(), changes, skipped,
                (System.nanoTime() - started) / 1_000_000);
    }

    private Optional<Change> series(Series s, Optional<ReleaseView> current, int sequenceIfNew, boolean dryRun,
                                    OffsetDateTime now) {
        ReleaseInput wanted = wanted(s, sequenceIfNew, current);
        Map<String, Object> fields = releaseFields(wanted);
        List<String> differing = current.map(c -> differing(releaseFields(ReleaseInput.of(c)), fields))
                .orElse(nonNull(fields));
        if (differing.isEmpty()) {
            return Optional.empty();
        }
        if (!dryRun) {
            if (current.isPresent()) {
                releaseService.replace(s.name(), wanted, Precondition.NONE);
            } else {
                releaseService.create(wanted);
            }
            differing.forEach(f -> provenance("release", s.name(), f, s.source(), now));
        }
        return Optional.of(new Change("release", s.name(), current.isPresent() ? "updated" : "created", differing,
                s.source().file(), s.source().line()));
    }

    /** What the file says, over what the catalog holds: fields the file does not give keep their values. */
    private static ReleaseInput wanted(Series s, int sequenceIfNew, Optional<ReleaseView> current) {
        String display = current.map(ReleaseView::displayName)
                .orElse(Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1));
        String versionLabel = s.releaseId() != null ? s.releaseId() : current.map(ReleaseView::versionLabel).orElse(null);
        return new ReleaseInput(s.name(), display, current.map(ReleaseView::sequence).orElse(sequenceIfNew), versionLabel,
                s.initialRelease() != null ? s.initialRelease() : current.map(ReleaseView::releaseDate).orElse(null),
                phase(s.lifecycle()), current.map(ReleaseView::keywords).orElse(List.of()), s.lifecycle());
    }

    /** The catalog's phase from upstream's status: future is planned, development is under way, the rest released. */
    static String phase(String lifecycle) {
        return switch (lifecycle) {
            case "future" -> "planned";
            case "development" -> "under-development";
            default -> "released";
        };
    }

    private Optional<Change> highlights(Highlights h, Optional<AdoptionView> current, boolean dryRun,
                                        OffsetDateTime now) {
        String key = h.series() + "/" + h.project();
        if (current.isPresent() && current.get().highlights().equals(h.items())) {
            return Optional.empty();
        }
        if (!dryRun) {
            adoptionService.put(h.series(), h.project(),
                    new AdoptionInput(current.map(AdoptionView::adoption).orElse(null), h.items()), Precondition.NONE);
            provenance("adoption", key, "highlights", h.source(), now);
        }
        return Optional.of(new Change("adoption", key, current.isPresent() ? "updated" : "created",
                List.of("highlights"), h.source().file(), h.source().line()));
    }

    private static void provenance(String entity, String key, String field, Source source, OffsetDateTime now) {
        ProvenanceRecord.Key id = new ProvenanceRecord.Key(entity, key, field);
        ProvenanceRecord p = ProvenanceRecord.findById(id);
        if (p == null) {
            p = new ProvenanceRecord();
            p.id = id;
        }
        p.sourceFile = source.file();
        p.sourceLine = source.line();
        p.sha256 = source.sha256();
        p.importedAt = now;
        p.persist();
    }

    private static Map<String, Object> releaseFields(ReleaseInput r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("displayName", r.displayName());
        fields.put("sequence", r.sequence());
        fields.put("versionLabel", r.versionLabel());
        fields.put("releaseDate", r.releaseDate());
        fields.put("status", r.status());
        fields.put("lifecycle", r.lifecycle());
        fields.put("keywords", r.keywords());
        return fields;
    }

    private static List<String> differing(Map<String, Object> current, Map<String, Object> wanted) {
        return wanted.keySet().stream().filter(k -> !Objects.equals(current.get(k), wanted.get(k))).toList();
    }

    private static List<String> nonNull(Map<String, Object> fields) {
        return fields.entrySet().stream().filter(e -> e.getValue() != null
                && !(e.getValue() instanceof List<?> l && l.isEmpty())).map(Map.Entry::getKey).toList();
    }
}
