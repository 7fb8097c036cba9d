package dev.stackpulse.catalog.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stackpulse.outbox.Versioned;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A release series as the API and its events show it. */
public record ReleaseView(String name, String displayName, int sequence, String versionLabel, LocalDate releaseDate,
                          String status,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String lifecycle, List<String> keywords, long version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {

    public static ReleaseView of(ReleaseSeries r) {
        return new ReleaseView(r.name, r.displayName, r.sequence, r.versionLabel, r.releaseDate, r.status,
                r.lifecycle, List.copyOf(r.keywords), r.version, r.createdAt, r.updatedAt);
    }
}
