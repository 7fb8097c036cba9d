package dev.stackpulse.catalog.upstream;

import java.util.List;

/** What an import did (or, for a dry run, would do): one change per entity that differs, and what it skipped. */
public record ImportReport(boolean dryRun, int seriesRead, int highlightFilesRead, int created, int updated,
                           int unchanged, List<Change> changes, List<String> skipped, long millis) {

    /** One entity created or updated: which fields, from which file and line. */
    public record Change(String entity, String key, String kind, List<String> fields, String file, int line) {
    }
}
