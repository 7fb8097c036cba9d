package dev.stackpulse.feed.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored change event; written only by the ingest (native insert), read by the feed endpoints. */
@Entity
@Table(name = "feed_entry")
public class FeedEntry extends PanacheEntityBase {

    @Id
    public Long position;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String subject;

    @Column(name = "entity_version", nullable = false)
    public long entityVersion;

    @Column(name = "event_time", nullable = false)
    public OffsetDateTime eventTime;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String data;

    /** True when the entity already had this or a newer version: history only, latest state unchanged. */
    @Column(nullable = false)
    public boolean stale;

    @Column(name = "ingested_at", nullable = false)
    public OffsetDateTime ingestedAt;
}
