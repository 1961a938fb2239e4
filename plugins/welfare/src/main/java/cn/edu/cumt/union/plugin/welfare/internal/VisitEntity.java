package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A care visit (慰问), planned and, once {@code doneOn} is set, done. */
@Entity
@Table(name = "WELFARE_VISIT")
public class VisitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "MEMBER_ID", nullable = false)
    long memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "CATEGORY", nullable = false)
    VisitCategory category;

    @Column(name = "PLANNED_ON", nullable = false)
    LocalDate plannedOn;

    @Column(name = "DONE_ON")
    LocalDate doneOn;

    @Column(name = "VISITORS")
    String visitors;

    @Column(name = "GIFTS")
    String gifts;

    @Column(name = "GIFT_VALUE")
    BigDecimal giftValue;

    @Column(name = "NOTE")
    String note;

    @Column(name = "CREATED_BY", nullable = false)
    String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;

    protected VisitEntity() {
    }

    VisitEntity(String createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
