package dev.stackpulse.summit.session;

import dev.stackpulse.outbox.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A design-summit session (per-project room; minutes on an etherpad) with its topics and action items. */
@Entity
@Table(name = "session")
public class DesignSession extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "summit_slug", nullable = false)
    public String summit;

    @Column(nullable = false)
    public String release;

    @Column(nullable = false)
    public String project;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String etherpad;

    public String reference;

    public String summary;

    /** JSON array of topic strings, in order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String topics;

    /** JSON array of {@link ItemInput}, in order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String items;
}
