package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A lecture, salon or social with sign-up, for the members of its organiser unit (and below), optionally of some categories. */
@Entity
@Table(name = "WELFARE_EVENT")
public class EventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false)
    EventKind kind;

    @Column(name = "TITLE", nullable = false)
    String title;

    @Column(name = "DESCRIPTION")
    String description;

    @Column(name = "PLACE")
    String place;

    @Column(name = "STARTS_AT", nullable = false)
    Instant startsAt;

    @Column(name = "ENDS_AT", nullable = false)
    Instant endsAt;

    @Column(name = "ORGANISER_UNIT_ID", nullable = false)
    long organiserUnitId;

    @Column(name = "CATEGORIES")
    String categories;

    @Column(name = "CAPACITY")
    Integer capacity;

    @Column(name = "CREATED_BY", nullable = false)
    String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    protected EventEntity() {
    }

    EventEntity(String createdBy, Instant createdAt) {
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }
}
