package dev.stackpulse.outbox;

import dev.stackpulse.events.Rfc3339;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * What every outboxed entity carries: its version (optimistic lock, ETag, the event's version line) and when it was
 * created and last changed, at the precision of the API's time format.
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Marks a change now: sets createdAt on the first call, updatedAt on every call (before the flush). */
    public void touch() {
        OffsetDateTime now = Rfc3339.now();
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }
}
