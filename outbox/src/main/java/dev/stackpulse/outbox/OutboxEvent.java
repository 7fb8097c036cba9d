package dev.stackpulse.outbox;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.TraceContext;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A committed change waiting to be (or already) published; {@code seq} is the publish order. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String subject;

    @Column(name = "entity_version", nullable = false)
    public long entityVersion;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String data;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** W3C trace context of the write that recorded this event (null: not traced). */
    @Column(length = 512)
    public String traceparent;

    @Column(length = 8192)
    public String tracestate;

    ChangeEvent toChangeEvent() {
        return new ChangeEvent(eventId, source, type, subject, occurredAt, entityVersion, data);
    }

    /** The stored trace context, or null. */
    TraceContext traceContext() {
        return TraceContext.of(traceparent, tracestate).orElse(null);
    }
}
