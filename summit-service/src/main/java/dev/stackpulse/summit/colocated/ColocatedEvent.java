package dev.stackpulse.summit.colocated;

import dev.stackpulse.outbox.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * An event held alongside a summit (Upstream Training before Tokyo 2015, ...), keyed within its summit by a slug.
 * Its version line is its own: a change of it does not bump the summit's version.
 */
@Entity
@Table(name = "colocated_event")
public class ColocatedEvent extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "summit_slug", nullable = false)
    public String summit;

    /** The key within the summit, e.g. {@code upstream-training} ("key" is a word of HQL, hence the name). */
    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "taught_by")
    public String taughtBy;

    public String url;

    @Column(name = "summary_en")
    public String summaryEn;

    @Column(name = "summary_ja")
    public String summaryJa;
}
