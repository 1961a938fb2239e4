package cn.edu.cumt.union.plugin.brand.internal;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A milestone (节点) of a project. */
@Entity
@Table(name = "BRAND_MILESTONE")
public class BrandMilestoneEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "PROJECT_ID", nullable = false)
    private long projectId;

    @Column(name = "TITLE", nullable = false)
    private String title;

    @Column(name = "DUE_DATE", nullable = false)
    private LocalDate dueDate;

    @Column(name = "DONE", nullable = false)
    private boolean done;

    @Column(name = "DONE_DATE")
    private LocalDate doneDate;

    @Column(name = "NOTE")
    private String note;

    @Column(name = "UPDATED_BY", nullable = false)
    private String updatedBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected BrandMilestoneEntity() {
    }

    BrandMilestoneEntity(long projectId) {
        this.projectId = projectId;
    }

    /** Copies a validated edit ({@code doneDate} already filled in when done). */
    void apply(MilestoneEditDTO input, String by, Instant now) {
        title = input.title();
        dueDate = input.dueDate();
        done = Boolean.TRUE.equals(input.done());
        doneDate = input.doneDate();
        note = input.note();
        updatedBy = by;
        updatedAt = now;
    }

    MilestoneDTO toDTO() {
        return new MilestoneDTO(id, title, dueDate, done, doneDate, note, updatedBy, updatedAt);
    }

    long getProjectId() {
        return projectId;
    }

    String getTitle() {
        return title;
    }
}
