package cn.edu.cumt.union.core.internal.scorecard;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** One year's scorecard: who last changed its design and, once published, who published it. */
@Entity
@Table(name = "UNION_SCORECARD")
public class ScorecardYearEntity {

    @Id
    @Column(name = "YEAR_NO")
    private int year;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "UPDATED_BY", nullable = false)
    private String updatedBy;

    @Column(name = "PUBLISHED_AT")
    private Instant publishedAt;

    @Column(name = "PUBLISHED_BY")
    private String publishedBy;

    @Version
    @Column(name = "VERSION")
    private int version;

    protected ScorecardYearEntity() {
    }

    ScorecardYearEntity(int year) {
        this.year = year;
    }

    void changed(String by, Instant at) {
        updatedBy = by;
        updatedAt = at;
    }

    void published(String by, Instant at) {
        publishedBy = by;
        publishedAt = at;
    }

    int getYear() {
        return year;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    String getPublishedBy() {
        return publishedBy;
    }

    boolean isPublished() {
        return publishedAt != null;
    }
}
