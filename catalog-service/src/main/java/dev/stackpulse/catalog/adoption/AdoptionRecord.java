package dev.stackpulse.catalog.adoption;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One project in one release: its adoption percent and highlight topics; key "release/project". */
@Entity
@Table(name = "project_release")
public class AdoptionRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_name", nullable = false)
    public String releaseName;

    @Column(name = "project_slug", nullable = false)
    public String projectSlug;

    public Integer adoption;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> highlights = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The event subject and Kafka key, e.g. {@code liberty/neutron}. */
    public String key() {
        return releaseName + "/" + projectSlug;
    }

    public static AdoptionRecord findOne(String release, String project) {
        return find("releaseName = ?1 and projectSlug = ?2", release, project).firstResult();
    }

    public static List<AdoptionRecord> ofRelease(String release) {
        return list("releaseName = ?1 order by projectSlug", release);
    }

    public static List<AdoptionRecord> ofProject(String project) {
        return list("projectSlug", project);
    }
}
