package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** One activity of the unit's programme. Stays inside the plugin: REST answers with {@link ActivityDTO}. */
@Entity
@Table(name = "FAMILYDAY_ACTIVITY")
public class ActivityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "TITLE", nullable = false, length = 200)
    private String title;

    @Column(name = "DESCRIPTION", length = 2000)
    private String description;

    @Column(name = "STARTS_AT", nullable = false)
    private Instant startsAt;

    @Column(name = "PLACE", length = 200)
    private String place;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    protected ActivityEntity() {
        // for JPA
    }

    public ActivityEntity(String title, String description, Instant startsAt, String place, String createdBy, Instant createdAt) {
        this.title = title;
        this.description = description;
        this.startsAt = startsAt;
        this.place = place;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public ActivityDTO toDTO() {
        return new ActivityDTO(id, title, description, startsAt, place, createdBy);
    }
}
