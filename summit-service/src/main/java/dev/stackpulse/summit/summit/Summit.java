package dev.stackpulse.summit.summit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An OpenStack summit (Tokyo 2015, ...), keyed by its slug. */
@Entity
@Table(name = "summit")
public class Summit extends PanacheEntityBase {

    @Id
    public String slug;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public String season;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(nullable = false)
    public String status;

    public Integer attendees;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
