package dev.stackpulse.catalog.upstream;

/** One thing wrong in an upstream file: where (file, 1-based line, field) and why. */
public record UpstreamProblem(String file, Integer line, String field, String reason) {

    /** "releases/series_status.yaml:12 initial-release": how a person finds it. */
    public String where() {
        return file + (line == null ? "" : ":" + line) + (field == null ? "" : " " + field);
    }
}
