package dev.stackpulse.catalog.release;

import dev.stackpulse.outbox.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A release series (Austin = 1 ... Liberty = 12), keyed by its lower-case name. Read by other features through
 * {@link Releases} only, written by {@link ReleaseService} only.
 */
@Entity
@Table(name = "release_series")
public class ReleaseSeries extends VersionedEntity {

    @Id
    public String name;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public int sequence;

    @Column(name = "version_label")
    public String versionLabel;

    @Column(name = "release_date")
    public LocalDate releaseDate;

    @Column(nullable = false)
    public String status;

    /** Upstream's support phase (openstack/releases' status: maintained, end of life, ...); null when not known. */
    public String lifecycle;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> keywords = new ArrayList<>();
}
