package dev.stackpulse.catalog.upstream;

import dev.stackpulse.catalog.release.ReleaseInput;
import dev.stackpulse.catalog.upstream.UpstreamSnapshot.Highlights;
import dev.stackpulse.catalog.upstream.UpstreamSnapshot.Series;
import dev.stackpulse.catalog.upstream.UpstreamSnapshot.Source;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a directory laid out like openstack/releases ({@code releases/series_status.yaml},
 * {@code releases/deliverables/<series>/<project>.yaml}) into an {@link UpstreamSnapshot}, or reports every problem
 * with its file, line and field. Reads YAML as nodes (not objects) so each value keeps its line.
 */
@ApplicationScoped
public class UpstreamReader {

    static final String SERIES_FILE = "releases/series_status.yaml";
    static final String DELIVERABLES = "releases/deliverables";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern LIFECYCLE = Pattern.compile(ReleaseInput.LIFECYCLES);
    private static final long MAX_FILE_BYTES = 1 << 20;

    /** The snapshot, or {@link UpstreamFilesInvalid} naming every problem found. */
    public UpstreamSnapshot read(Path root) {
        List<UpstreamProblem> problems = new ArrayList<>();
        List<Series> series = readSeries(root, problems);
        List<Highlights> highlights = readDeliverables(root, series, problems);
        if (!problems.isEmpty()) {
            throw new UpstreamFilesInvalid(problems);
        }
        return new UpstreamSnapshot(series, highlights);
    }

    private List<Series> readSeries(Path root, List<UpstreamProblem> problems) {
        Path file = root.resolve(SERIES_FILE);
        if (!Files.isRegularFile(file)) {
            problems.add(new UpstreamProblem(SERIES_FILE, null, null, "missing: the directory must hold "
                    + SERIES_FILE + " (openstack/releases data/series_status.yaml)"));
            return List.of();
        }
        Optional<Parsed> parsed = parse(file, SERIES_FILE, problems);
        if (parsed.isEmpty()) {
            return List.of();
        }
        if (!(parsed.get().node() instanceof SequenceNode list)) {
            problems.add(problem(SERIES_FILE, parsed.get().node(), null, "must be a list of series"));
            return List.of();
        }
        List<Series> found = new ArrayList<>();
        List<Node> items = list.getValue();
        for (int i = 0; i < items.size(); i++) {
            // upstream lists the newest first: the oldest series is 1
            Series s = series(items.get(i), items.size() - i, parsed.get().sha256(), problems);
            if (s != null) {
                if (found.stream().anyMatch(f -> f.name().equals(s.name()))) {
                    problems.add(new UpstreamProblem(SERIES_FILE, s.source().line(), "name", "series '" + s.name()
                            + "' is listed twice"));
                } else {
                    found.add(s);
                }
            }
        }
        return found;
    }

    private Series series(Node node, int sequence, String sha256, List<UpstreamProblem> problems) {
        if (!(node instanceof MappingNode map)) {
            problems.add(problem(SERIES_FILE, node, null, "each series must be a mapping"));
            return null;
        }
        int before = problems.size();
        String name = scalar(map, "name", SERIES_FILE, problems, true);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(problem(SERIES_FILE, value(map, "name"), "name", "must be lower-case letters, digits and '-'"));
        }
        String releaseId = scalar(map, "release-id", SERIES_FILE, problems, false);
        String lifecycle = scalar(map, "status", SERIES_FILE, problems, true);
        if (lifecycle != null && !LIFECYCLE.matcher(lifecycle).matches()) {
            problems.add(problem(SERIES_FILE, value(map, "status"), "status", "unknown status '" + lifecycle
                    + "'; expected one of: " + ReleaseInput.LIFECYCLES.replace("|", ", ")));
        }
        LocalDate initial = date(map, "initial-release", SERIES_FILE, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Series(name, releaseId, lifecycle, initial, sequence,
                new Source(SERIES_FILE, map.getStartMark().getLine() + 1, sha256));
    }

    private List<Highlights> readDeliverables(Path root, List<Series> series, List<UpstreamProblem> problems) {
        Path dir = root.resolve(DELIVERABLES);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Highlights> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                Highlights h = deliverable(file, relative, series, problems);
                if (h != null) {
                    found.add(h);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private Highlights deliverable(Path file, String relative, List<Series> series, List<UpstreamProblem> problems) {
        Path parent = file.getParent();
        String seriesName = parent == null ? "" : parent.getFileName().toString();
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".yaml")) {
            return null; // upstream keeps other files beside (README, .gitkeep)
        }
        String project = fileName.substring(0, fileName.length() - ".yaml".length());
        if (series.stream().noneMatch(s -> s.name().equals(seriesName))) {
            problems.add(new UpstreamProblem(relative, null, null, "series '" + seriesName
                    + "' is not in " + SERIES_FILE));
            return null;
        }
        Optional<Parsed> parsed = parse(file, relative, problems);
        if (parsed.isEmpty()) {
            return null;
        }
        if (!(parsed.get().node() instanceof MappingNode map)) {
            problems.add(problem(relative, parsed.get().node(), null, "must be a mapping"));
            return null;
        }
        Node highlights = value(map, "cycle-highlights");
        if (highlights == null) {
            return null; // highlights exist from Queens on; older deliverables only list versions
        }
        if (!(highlights instanceof SequenceNode list)) {
            problems.add(problem(relative, highlights, "cycle-highlights", "must be a list of texts"));
            return null;
        }
        List<String> items = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof ScalarNode text) || text.getValue().isBlank()) {
                problems.add(problem(relative, item, "cycle-highlights", "each highlight must be a non-empty text"));
                continue;
            }
            String oneLine = String.join(" ", text.getValue().trim().split("\\s+"));
            if (oneLine.length() > 1000) {
                problems.add(problem(relative, item, "cycle-highlights", "a highlight longer than 1000 characters"));
                continue;
            }
            items.add(oneLine);
        }
        if (items.size() > 20) {
            problems.add(problem(relative, highlights, "cycle-highlights", "more than 20 highlights"));
        }
        return new Highlights(seriesName, project, items,
                new Source(relative, highlights.getStartMark().getLine() + 1, parsed.get().sha256()));
    }

    private record Parsed(Node node, String sha256) {
    }

    private static Optional<Parsed> parse(Path file, String relative, List<UpstreamProblem> problems) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(new UpstreamProblem(relative, null, null, "larger than 1 MiB"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            Node node = new Yaml(options).compose(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)));
            if (node == null) {
                problems.add(new UpstreamProblem(relative, 1, null, "empty file"));
                return Optional.empty();
            }
            return Optional.of(new Parsed(node, sha256(bytes)));
        } catch (MarkedYAMLException e) {
            problems.add(new UpstreamProblem(relative, e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 1,
                    null, "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            problems.add(new UpstreamProblem(relative, null, null, "not valid YAML: " + e.getMessage()));
        } catch (IOException e) {
            problems.add(new UpstreamProblem(relative, null, null, "unreadable: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(MappingNode map, String key, String file, List<UpstreamProblem> problems,
                                 boolean required) {
        Node node = value(map, key);
        if (node == null) {
            if (required) {
                problems.add(new UpstreamProblem(file, map.getStartMark().getLine() + 1, key, "missing"));
            }
            return null;
        }
        if (!(node instanceof ScalarNode text) || text.getValue().isBlank()) {
            problems.add(problem(file, node, key, "must be a non-empty text"));
            return null;
        }
        return text.getValue().trim();
    }

    private static LocalDate date(MappingNode map, String key, String file, List<UpstreamProblem> problems) {
        String text = scalar(map, key, file, problems, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(problem(file, value(map, key), key, "must be a date YYYY-MM-DD, was '" + text + "'"));
            return null;
        }
    }

    private static UpstreamProblem problem(String file, Node node, String field, String reason) {
        return new UpstreamProblem(file, node.getStartMark().getLine() + 1, field, reason);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
