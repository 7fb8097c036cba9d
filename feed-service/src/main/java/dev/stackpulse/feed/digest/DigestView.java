package dev.stackpulse.feed.digest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;

/** GET /feed/digest: changed entities grouped by source. */
public record DigestView(OffsetDateTime since, List<SourceDigest> sources) {

    public record SourceDigest(String source, List<EntityDigest> entities) {
    }

    public record EntityDigest(String subject, long changes, OffsetDateTime first, OffsetDateTime last,
                               List<String> types, Latest latest) {
    }

    public record Latest(long version, String type, boolean deleted, @JsonRawValue String data) {
    }
}
