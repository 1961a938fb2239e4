package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;

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

/** A unit's nomination (推荐) of a member or a unit for one award of a call. Never leaves the service. */
@Entity
@Table(name = "HONOURS_NOMINATION")
public class HonoursNominationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CALL_ID", nullable = false)
    long callId;

    @Column(name = "CATEGORY_ID", nullable = false)
    long categoryId;

    /** The nominating unit, whose place (名额) it takes. */
    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "MEMBER_ID")
    Long memberId;

    @Column(name = "NOMINEE_UNIT_ID")
    Long nomineeUnitId;

    @Column(name = "NOMINEE_NAME", nullable = false)
    String nomineeName;

    @Column(name = "CASE_TEXT", nullable = false)
    String caseText;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false)
    NominationStatus status;

    @Column(name = "LIVE_KEY")
    String liveKey;

    @Column(name = "STAGE_SINCE")
    Instant stageSince;

    @Column(name = "ASSIGNEE")
    String assignee;

    @Column(name = "FIRST_REVIEWER")
    String firstReviewer;

    @Column(name = "REVIEW_COMMENT")
    String reviewComment;

    @Column(name = "VOTES")
    Long votes;

    @Column(name = "CREATED_BY", nullable = false)
    String createdBy;

    @Column(name = "CREATED_BY_ACCOUNT", nullable = false)
    long createdByAccount;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    int version;

    /** The eligibility check as a case of the core's flow; a draft is not in it yet. */
    FlowCase flowCase() {
        CaseState state = switch (status) {
        case SUBMITTED -> CaseState.IN_REVIEW;
        case RETURNED -> CaseState.RETURNED;
        case WITHDRAWN -> CaseState.WITHDRAWN;
        case INELIGIBLE -> CaseState.REJECTED;
        default -> CaseState.APPROVED;
        };
        return new FlowCase(unitId, createdBy, null, state, HonoursFlow.CHECK_STAGE,
                stageSince == null ? updatedAt : stageSince, assignee, firstReviewer);
    }

    void follow(FlowCase after) {
        stageSince = after.since();
        assignee = after.assignee();
        firstReviewer = after.firstReviewer();
    }

    static String liveKey(long callId, Long memberId, Long nomineeUnitId) {
        return callId + ":" + (memberId != null ? "M" + memberId : "U" + nomineeUnitId);
    }
}
