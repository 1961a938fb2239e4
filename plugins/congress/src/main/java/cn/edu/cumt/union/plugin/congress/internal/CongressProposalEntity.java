package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A proposal (提案) and where it stands. Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_PROPOSAL")
public class CongressProposalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "SESSION_ID", nullable = false)
    long sessionId;
    /** The proposer's delegation: the unit whose delegation head checks it. */
    @Column(name = "UNIT_ID", nullable = false)
    long unitId;
    @Column(name = "PROPOSER_MEMBER_ID", nullable = false)
    long proposerMemberId;
    @Column(name = "PROPOSER_USERNAME", nullable = false)
    String proposerUsername;
    @Column(name = "PROPOSER_NAME", nullable = false)
    String proposerName;
    @Column(name = "TITLE", nullable = false)
    String title;
    @Column(name = "REASON", nullable = false)
    String reason;
    @Column(name = "MEASURES", nullable = false)
    String measures;
    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false)
    ProposalStatus status;
    @Column(name = "STAGE")
    String stage;
    @Column(name = "STAGE_SINCE")
    Instant stageSince;
    @Column(name = "FIRST_REVIEWER")
    String firstReviewer;
    @Column(name = "SUBMITTED_AT")
    Instant submittedAt;
    @Column(name = "DECISION_REASON")
    String decisionReason;
    @Column(name = "DECIDED_BY")
    String decidedBy;
    @Column(name = "DECIDED_AT")
    Instant decidedAt;
    @Column(name = "MERGED_INTO_ID")
    Long mergedIntoId;
    @Column(name = "LEAD_UNIT_ID")
    Long leadUnitId;
    @ElementCollection
    @CollectionTable(name = "CONGRESS_PROPOSAL_UNIT", joinColumns = @JoinColumn(name = "PROPOSAL_ID"))
    @Column(name = "UNIT_ID")
    Set<Long> coUnitIds = new TreeSet<>();
    @Column(name = "DUE_ON")
    LocalDate dueOn;
    @Column(name = "ANSWER_TEXT")
    String answerText;
    @Column(name = "ANSWERED_BY")
    String answeredBy;
    @Column(name = "ANSWERED_AT")
    Instant answeredAt;
    /** 0 before the first answer, 1 after it, 2 after the one re-answer a 不满意 may ask for. */
    @Column(name = "ANSWER_ROUND", nullable = false)
    int answerRound;
    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;
    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;
    @Version
    @Column(name = "VERSION", nullable = false)
    int version;
}
