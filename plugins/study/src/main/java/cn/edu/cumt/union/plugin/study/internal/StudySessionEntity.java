package cn.edu.cumt.union.plugin.study.internal;

import cn.edu.cumt.union.api.directory.Audience;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A study session (学习会). Never leaves the service: callers get a {@link StudySessionDTO}. */
@Entity
@Table(name = "STUDY_SESSION")
public class StudySessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "TITLE", nullable = false)
    private String title;

    @Column(name = "TOPIC")
    private String topic;

    @Column(name = "PLACE")
    private String place;

    @Column(name = "STARTS_AT", nullable = false)
    private Instant startsAt;

    @Column(name = "ENDS_AT", nullable = false)
    private Instant endsAt;

    @Column(name = "ORGANISER_UNIT_ID", nullable = false)
    private long organiserUnitId;

    @ElementCollection
    @CollectionTable(name = "STUDY_SESSION_UNIT", joinColumns = @JoinColumn(name = "SESSION_ID"))
    @Column(name = "UNIT_ID")
    private Set<Long> targetUnitIds = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "STUDY_SESSION_CATEGORY", joinColumns = @JoinColumn(name = "SESSION_ID"))
    @Column(name = "CATEGORY")
    private Set<String> targetCategories = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "STUDY_MATERIAL", joinColumns = @JoinColumn(name = "SESSION_ID"))
    @OrderColumn(name = "POSITION")
    private List<StudyMaterial> materials = new ArrayList<>();

    @Column(name = "CHECK_IN_CODE", nullable = false)
    private String checkInCode;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    private int version;

    protected StudySessionEntity() {
    }

    StudySessionEntity(String checkInCode, String createdBy, Instant now) {
        this.checkInCode = checkInCode;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Copies the (already validated) editable fields. */
    void apply(StudySessionEditDTO input, Instant now) {
        title = input.title();
        topic = input.topic();
        place = input.place();
        startsAt = input.startsAt();
        endsAt = input.endsAt();
        organiserUnitId = input.organiserUnitId();
        targetUnitIds.clear();
        targetUnitIds.addAll(input.targetUnitIds());
        targetCategories.clear();
        targetCategories.addAll(input.targetCategories());
        materials.clear();
        input.materials().forEach(m -> materials.add(new StudyMaterial(m.title(), m.url(), m.text())));
        updatedAt = now;
    }

    StudySessionDTO toDTO() {
        return new StudySessionDTO(id, title, topic, materials.stream().map(StudyMaterial::toDTO).toList(), startsAt,
                endsAt, place, organiserUnitId, List.copyOf(new TreeSet<>(targetUnitIds)),
                List.copyOf(new TreeSet<>(targetCategories)), createdBy, createdAt, updatedAt);
    }

    Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    long getOrganiserUnitId() {
        return organiserUnitId;
    }

    Set<Long> getTargetUnitIds() {
        return targetUnitIds;
    }

    Set<String> getTargetCategories() {
        return targetCategories;
    }

    /**
     * Who is expected (应到): the target units and all units below them, or every unit when none is
     * named, narrowed to the target categories.
     */
    Audience audience() {
        Audience units = targetUnitIds.isEmpty() ? Audience.everyone() : Audience.units(targetUnitIds, true);
        return units.withCategories(targetCategories);
    }

    String getCheckInCode() {
        return checkInCode;
    }
}
