package dev.stackpulse.catalog.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** An OpenStack project (Nova, Swift, ...), keyed by its slug. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

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

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
