package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The production overlay's alerts and dashboard: the dashboard JSON parses and each panel queries Prometheus;
 * every metric named in a panel or an alert is one the code exports (ExportedMetrics); the alerts cover the
 * figures that matter. Writes the exported names to target/rendered/exported-metrics.json, where
 * validate/validate.mjs checks the same with the real PromQL parser.
 */
class ObservabilityTest {

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "offset", "bool", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");

    private final Overlay production = Overlay.render("production");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void exportedMetricsAreTheMetersTheCodeRegistersAndTheQuarkusBinders() throws IOException {
        Set<String> exported = ExportedMetrics.all();
        assertTrue(exported.containsAll(Set.of("stackpulse_outbox_backlog", "stackpulse_outbox_published_total",
                "feed_events_ingested_total", "feed_dead_lettered_total", "feed_stream_subscribers",
                "http_server_requests_seconds_count", "kafka_consumer_fetch_manager_records_lag_max")), exported.toString());
        Path out = Path.of(System.getProperty("stackpulse.rendered", "target/rendered"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("exported-metrics.json"), json.writeValueAsString(exported), StandardCharsets.UTF_8);
    }

    @Test
    void meterNamesAreReadFromSourceAsPrometheusNamesThem() {
        assertEquals(Set.of("a_b_total", "c_d", "e_seconds_count", "e_seconds_sum", "e_seconds_max", "f", "g_total"),
                ExportedMetrics.registeredIn("""
                        registry.counter("a.b", "t", x); Gauge.builder("c.d", x, f); Timer.builder("e");
                        registry.gaugeCollectionSize("f", List.of(), s); Counter.builder("g")
                        """));
    }

    @Test
    void dashboardParsesAndEveryPanelQueriesOnlyExportedMetrics() throws IOException {
        JsonNode dashboard = dashboard();
        assertFalse(dashboard.path("uid").asText().isEmpty(), "a fixed uid, so re-imports replace it");
        JsonNode panels = dashboard.path("panels");
        assertTrue(panels.isArray() && panels.size() > 0);
        Set<String> exported = ExportedMetrics.all();
        Set<String> shown = new TreeSet<>();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + title);
            assertEquals("prometheus", panel.path("datasource").path("type").asText(), title);
            assertTrue(panel.path("targets").size() > 0, title + " has no query");
            for (JsonNode target : panel.path("targets")) {
                Set<String> metrics = metricsIn(target.path("expr").asText());
                assertFalse(metrics.isEmpty(), title + ": " + target);
                assertEquals(Set.of(), minus(metrics, exported), title + " queries metrics the code does not export");
                shown.addAll(metrics);
            }
        }
        assertTrue(shown.containsAll(Set.of("stackpulse_outbox_backlog", "kafka_consumer_fetch_manager_records_lag_max",
                "feed_dead_lettered_total", "feed_stream_subscribers", "feed_stream_slow_disconnects_total",
                "feed_stream_queued_bytes", "http_server_requests_seconds_count")), shown.toString());
    }

    @Test
    void alertsNameOnlyExportedMetricsAndCoverWhatMatters() {
        Map<String, Object> rule = production.get("PrometheusRule", "stackpulse");
        Set<String> exported = ExportedMetrics.all();
        Map<String, Set<String>> alerts = new java.util.TreeMap<>();
        for (Object group : Yaml.list(Yaml.at(rule, "spec", "groups"))) {
            for (Object r : Yaml.list(Yaml.at(group, "rules"))) {
                String alert = (String) Yaml.at(r, "alert");
                Set<String> metrics = metricsIn((String) Yaml.at(r, "expr"));
                assertEquals(Set.of(), minus(metrics, exported), alert + " names metrics the code does not export");
                assertTrue(Set.of("warning", "critical").contains(Yaml.at(r, "labels", "severity")), alert);
                assertTrue(Yaml.at(r, "annotations", "summary") != null, alert);
                alerts.put(alert, metrics);
            }
        }
        for (String figure : List.of("stackpulse_outbox_backlog", "stackpulse_outbox_published_total",
                "kafka_consumer_fetch_manager_records_lag_max", "feed_dead_lettered_total", "feed_stream_subscribers",
                "feed_stream_slow_disconnects_total", "http_server_requests_seconds_count")) {
            assertTrue(alerts.values().stream().anyMatch(m -> m.contains(figure)), "no alert on " + figure);
        }
        assertEquals("stackpulse", Yaml.at(rule, "metadata", "labels", "app.kubernetes.io/part-of"),
                "the label Prometheus' ruleSelector matches (deploy/README.md)");
    }

    @Test
    void metricNamesAreFoundInPromQlAndMadeUpOnesAreRefused() {
        assertEquals(Set.of("a_total", "b"), metricsIn(
                "sum by (topic) (rate(a_total{status=~\"5..\", x=\"y\"}[5m])) / on (topic) max(b offset 10m) > 0.5"));
        assertEquals(Set.of("no_such_metric"), minus(metricsIn("rate(no_such_metric[1m])"), ExportedMetrics.all()));
    }

    private JsonNode dashboard() throws IOException {
        Map<String, Object> cm = production.get("ConfigMap", "stackpulse-dashboard");
        assertEquals("1", Yaml.at(cm, "metadata", "labels", "grafana_dashboard"), "Grafana's sidecar finds it");
        return json.readTree((String) Yaml.at(cm, "data", "stackpulse-dashboard.json"));
    }

    /** Metric names of a PromQL expression: identifiers outside label matchers, ranges and grouping clauses. */
    static Set<String> metricsIn(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
