package dev.stackpulse.feed.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entity's latest state (source + subject); written only by the ingest, never rolled back. */
@Entity
@Table(name = "feed_entity")
@IdClass(FeedEntity.Key.class)
public class FeedEntity extends PanacheEntityBase {

    @Id
    public String source;

    @Id
    public String subject;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String type;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_time", nullable = false)
    public OffsetDateTime eventTime;

    @Column(nullable = false)
    public long position;

    @Column(nullable = false)
    public boolean deleted;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String data;

    /** Composite key. */
    public static class Key implements Serializable {
        public String source;
        public String subject;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(source, k.source) && Objects.equals(subject, k.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, subject);
        }
    }
}
