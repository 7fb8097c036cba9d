package dev.stackpulse.catalog.release;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A release series (Austin = 1 ... Liberty = 12), keyed by its lower-case name. */
@Entity
@Table(name = "release_series")
public class ReleaseSeries extends PanacheEntityBase {

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> keywords = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<ReleaseSeries> ordered() {
        return list("order by sequence");
    }

    /** The newest release (highest sequence) that has at least one per-project record, if any. */
    public static ReleaseSeries newestWithData() {
        return find("from ReleaseSeries r where exists (from AdoptionRecord a where a.releaseName = r.name) "
                + "order by r.sequence desc").firstResult();
    }
}
