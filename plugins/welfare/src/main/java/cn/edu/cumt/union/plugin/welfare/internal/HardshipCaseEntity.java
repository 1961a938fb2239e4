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
import javax.persistence.Version;

import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.flow.FlowCase;

/** One hardship application (困难帮扶申请): the member, the fund, the amounts, and where it stands in {@link HardshipFlow}. */
@Entity
@Table(name = "WELFARE_CASE")
public class HardshipCaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "FUND", nullable = false)
    Fund fund;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "MEMBER_ID", nullable = false)
    long memberId;

    @Column(name = "CASE_YEAR", nullable = false)
    int year;

    @Column(name = "REASON", nullable = false)
    String reason;

    @Column(name = "AMOUNT_ASKED", nullable = false)
    BigDecimal amountAsked;

    @Column(name = "AMOUNT_GRANTED")
    BigDecimal amountGranted;

    @Column(name = "ID_NUMBER")
    String idNumber;

    @Column(name = "PHONE")
    String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false)
    CaseState state;

    @Column(name = "STAGE")
    String stage;

    @Column(name = "STAGE_SINCE")
    Instant stageSince;

    @Column(name = "ASSIGNEE")
    String assignee;

    @Column(name = "FIRST_REVIEWER")
    String firstReviewer;

    /** The applicant's username (their staff number): the member the case is for. */
    @Column(name = "APPLICANT", nullable = false)
    String applicant;

    /** Who filed it: the member, or a unit administrator on their behalf. */
    @Column(name = "FILED_BY", nullable = false)
    String filedBy;

    @Column(name = "LAST_COMMENT")
    String lastComment;

    @Column(name = "PAID_ON")
    LocalDate paidOn;

    @Column(name = "PAID_BY")
    String paidBy;

    @Column(name = "PAYMENT_NOTE")
    String paymentNote;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    int version;

    protected HardshipCaseEntity() {
    }

    HardshipCaseEntity(Fund fund, long unitId, long memberId, int year, String applicant, String filedBy, Instant now) {
        this.fund = fund;
        this.unitId = unitId;
        this.memberId = memberId;
        this.year = year;
        this.applicant = applicant;
        this.filedBy = filedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    FlowCase flowCase() {
        return new FlowCase(unitId, applicant, memberId, state, stage, stageSince, assignee, firstReviewer);
    }

    void follow(FlowCase after, Instant now) {
        state = after.state();
        stage = after.stage();
        stageSince = after.since();
        assignee = after.assignee();
        firstReviewer = after.firstReviewer();
        updatedAt = now;
    }

    boolean paid() {
        return paidOn != null;
    }
}
