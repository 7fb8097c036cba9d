package dev.stackpulse.catalog.adoption;

import dev.stackpulse.outbox.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One project in one release: its adoption percent and highlight topics; key "release/project". Read by other
 * features through {@link Adoptions} only, written by {@link AdoptionService} only.
 */
@Entity
@Table(name = "project_release")
public class AdoptionRecord extends VersionedEntity {

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

    /** The event subject and Kafka key, e.g. {@code liberty/neutron}. */
    public String key() {
        return releaseName + "/" + projectSlug;
    }
}
