package dev.stackpulse.catalog.upstream;

import java.time.LocalDate;
import java.util.List;

/** What a directory laid out like openstack/releases says, read and checked, before it is compared to the catalog. */
public record UpstreamSnapshot(List<Series> series, List<Highlights> highlights) {

    /** A series of data/series_status.yaml; {@code sequence} is its place counted from the oldest listed (1). */
    public record Series(String name, String releaseId, String lifecycle, LocalDate initialRelease, int sequence,
                         Source source) {
    }

    /** The cycle-highlights of one deliverable in one series (deliverables/&lt;series&gt;/&lt;project&gt;.yaml). */
    public record Highlights(String series, String project, List<String> items, Source source) {
    }

    /** Where a value came from: the file (relative to the imported directory), its line and its SHA-256. */
    public record Source(String file, int line, String sha256) {
    }
}
