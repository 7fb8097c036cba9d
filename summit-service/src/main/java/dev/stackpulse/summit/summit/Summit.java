package dev.stackpulse.summit.summit;

import dev.stackpulse.outbox.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An OpenStack summit (Tokyo 2015, ...), keyed by its slug, with its figures and its owned documents. */
@Entity
@Table(name = "summit")
public class Summit extends VersionedEntity {

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
    public Integer countries;
    public Integer companies;

    @Column(name = "press_and_analysts")
    public Integer pressAndAnalysts;

    public Integer sponsors;

    @Column(name = "first_time_percent")
    public Integer firstTimePercent;

    @Column(name = "min_sessions")
    public Integer minSessions;

    @Column(name = "site_url")
    public String siteUrl;

    @Column(name = "videos_url")
    public String videosUrl;

    /** JSON of the demographics (top countries, region and role shares), read and written by the demographics feature. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String demographics;

    /** JSON array of keynote highlights, in order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String highlights;

    /** JSON array of awards. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String awards;
}
