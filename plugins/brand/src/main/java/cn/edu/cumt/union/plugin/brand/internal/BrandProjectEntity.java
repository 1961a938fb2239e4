package cn.edu.cumt.union.plugin.brand.internal;

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

import cn.edu.cumt.union.api.flow.FlowCase;

/** A unit's 一会一品 project for one year, with its review, inspection and evaluation. Never leaves the service. */
@Entity
@Table(name = "BRAND_PROJECT")
public class BrandProjectEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "UNIT_ID", nullable = false)
    private long unitId;

    @Column(name = "PROJECT_YEAR", nullable = false)
    private int year;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "AIMS", nullable = false)
    private String aims;

    @Column(name = "PLAN_TEXT", nullable = false)
    private String plan;

    @Column(name = "BUDGET_ASKED", nullable = false, precision = 12, scale = 2)
    private BigDecimal budgetAsked;

    @Column(name = "FUNDING_GRANTED", precision = 12, scale = 2)
    private BigDecimal fundingGranted;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false)
    private BrandStatus status;

    /** "unit:year" while the project holds its unit's place for the year, else null; unique in the table. */
    @Column(name = "OPEN_KEY")
    private String openKey;

    @Column(name = "REVIEW_COMMENT")
    private String reviewComment;

    @Column(name = "REVIEWED_BY")
    private String reviewedBy;

    @Column(name = "REVIEWED_AT")
    private Instant reviewedAt;

    @Column(name = "INSPECTED_ON")
    private LocalDate inspectedOn;

    @Column(name = "INSPECTION_FINDINGS")
    private String inspectionFindings;

    @Enumerated(EnumType.STRING)
    @Column(name = "INSPECTION_RATING")
    private InspectionRating inspectionRating;

    @Column(name = "INSPECTED_BY")
    private String inspectedBy;

    @Column(name = "INSPECTION_RECORDED_AT")
    private Instant inspectionRecordedAt;

    @Column(name = "SCORE_DISTINCTIVENESS")
    private Integer scoreDistinctiveness;

    @Column(name = "SCORE_PARTICIPATION")
    private Integer scoreParticipation;

    @Column(name = "SCORE_RESULTS")
    private Integer scoreResults;

    @Column(name = "SCORE_SUSTAINABILITY")
    private Integer scoreSustainability;

    @Column(name = "SCORE_TOTAL", precision = 5, scale = 2)
    private BigDecimal scoreTotal;

    @Enumerated(EnumType.STRING)
    @Column(name = "GRADE")
    private BrandGrade grade;

    @Column(name = "EVALUATION_COMMENT")
    private String evaluationComment;

    @Column(name = "EVALUATED_BY")
    private String evaluatedBy;

    @Column(name = "EVALUATED_AT")
    private Instant evaluatedAt;

    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    /** The review flow's own columns (changeset brand-2-flow): see {@link #flowCase()}. */
    @Column(name = "STAGE_SINCE")
    private Instant stageSince;

    @Column(name = "ASSIGNEE")
    private String assignee;

    @Column(name = "FIRST_REVIEWER")
    private String firstReviewer;

    @Version
    @Column(name = "VERSION")
    private int version;

    protected BrandProjectEntity() {
    }

    BrandProjectEntity(long unitId, int year, String createdBy, Instant now) {
        this.unitId = unitId;
        this.year = year;
        this.createdBy = createdBy;
        this.createdAt = now;
        setStatus(BrandFlow.initial(), now);
    }

    /** Copies the (already validated) editable fields. */
    void apply(BrandProjectEditDTO input, Instant now) {
        name = input.name();
        aims = input.aims();
        plan = input.plan();
        budgetAsked = input.budgetAsked();
        updatedAt = now;
    }

    void setStatus(BrandStatus next, Instant now) {
        status = next;
        openKey = next.holdsYear() ? openKey(unitId, year) : null;
        updatedAt = now;
    }

    /** The project as a case of {@link BrandFlow#REVIEW}, for the core's flow rules. */
    FlowCase flowCase() {
        return new FlowCase(unitId, createdBy, null, BrandFlow.caseState(status), BrandFlow.REVIEW_STAGE,
                stageSince == null ? updatedAt : stageSince, assignee, firstReviewer);
    }

    /** Takes what the flow answered: when the stage started, to whom it is assigned, who reviewed first. */
    void follow(FlowCase after) {
        stageSince = after.since();
        assignee = after.assignee();
        firstReviewer = after.firstReviewer();
    }

    static String openKey(long unitId, int year) {
        return unitId + ":" + year;
    }

    void review(BigDecimal granted, String comment, String by, Instant now) {
        fundingGranted = granted;
        reviewComment = comment;
        reviewedBy = by;
        reviewedAt = now;
        updatedAt = now;
    }

    void inspect(InspectionEditDTO input, String by, Instant now) {
        inspectedOn = input.date();
        inspectionFindings = input.findings();
        inspectionRating = input.rating();
        inspectedBy = by;
        inspectionRecordedAt = now;
        updatedAt = now;
    }

    void evaluate(EvaluationEditDTO input, BigDecimal total, String by, Instant now) {
        scoreDistinctiveness = input.distinctiveness();
        scoreParticipation = input.participation();
        scoreResults = input.results();
        scoreSustainability = input.sustainability();
        scoreTotal = total;
        grade = BrandGrade.of(total);
        evaluationComment = input.comment();
        evaluatedBy = by;
        evaluatedAt = now;
        updatedAt = now;
    }

    /** The list view; money only when {@code full}. */
    BrandProjectDTO toDTO(String unitName, BigDecimal disbursed, boolean full) {
        return new BrandProjectDTO(id, unitId, unitName, year, name, status, status.label(),
                full ? budgetAsked : null, full ? fundingGranted : null, full ? disbursed : null, scoreTotal, grade,
                grade == null ? null : grade.label(), full, createdBy, createdAt, updatedAt);
    }

    InspectionDTO inspection() {
        return inspectedOn == null ? null : new InspectionDTO(inspectedOn, inspectionFindings, inspectionRating,
                inspectionRating.label(), inspectedBy, inspectionRecordedAt);
    }

    EvaluationDTO evaluation() {
        return scoreTotal == null ? null : new EvaluationDTO(scoreDistinctiveness, scoreParticipation, scoreResults,
                scoreSustainability, scoreTotal, grade, grade.label(), evaluationComment, evaluatedBy, evaluatedAt);
    }

    Long getId() {
        return id;
    }

    long getUnitId() {
        return unitId;
    }

    int getYear() {
        return year;
    }

    String getName() {
        return name;
    }

    String getAims() {
        return aims;
    }

    String getPlan() {
        return plan;
    }

    BrandStatus getStatus() {
        return status;
    }

    BigDecimal getBudgetAsked() {
        return budgetAsked;
    }

    BigDecimal getFundingGranted() {
        return fundingGranted;
    }

    String getReviewComment() {
        return reviewComment;
    }

    BigDecimal getScoreTotal() {
        return scoreTotal;
    }

    BrandGrade getGrade() {
        return grade;
    }
}
