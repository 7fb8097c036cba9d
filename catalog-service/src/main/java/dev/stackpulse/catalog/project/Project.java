package dev.stackpulse.catalog.project;

import dev.stackpulse.outbox.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An OpenStack project (Nova, Swift, ...), keyed by its slug. Maturity and age are computed, never stored. Read by
 * other features through {@link Projects} only, written by {@link ProjectService} only.
 */
@Entity
@Table(name = "project")
public class Project extends VersionedEntity {

    @Id
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(name = "service_name", nullable = false)
    public String serviceName;

    @Column(name = "service_type", nullable = false)
    public String serviceType;

    @Column(nullable = false)
    public String tier;

    @Column(name = "description_en")
    public String descriptionEn;

    @Column(name = "description_ja")
    public String descriptionJa;

    /** Name of the release series the project first shipped in (its age counts from that date). */
    @Column(name = "first_release")
    public String firstRelease;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "governance_tags", nullable = false, columnDefinition = "jsonb")
    public List<String> governanceTags = new ArrayList<>();

    @Column(name = "install_guide", nullable = false)
    public boolean installGuide;

    @Column(name = "sdk_count", nullable = false)
    public int sdkCount;
}
