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

import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowStep;

/** One step of a hardship case's history. */
@Entity
@Table(name = "WELFARE_CASE_STEP")
public class HardshipStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CASE_ID", nullable = false)
    long caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION", nullable = false)
    FlowAction action;

    @Column(name = "STAGE")
    String stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATE")
    CaseState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATE", nullable = false)
    CaseState to;

    @Column(name = "ACTOR", nullable = false)
    String actor;

    @Column(name = "COMMENT_TEXT")
    String comment;

    @Column(name = "OCCURRED_AT", nullable = false)
    Instant at;

    protected HardshipStepEntity() {
    }

    HardshipStepEntity(long caseId, FlowStep step) {
        this.caseId = caseId;
        this.action = step.action();
        this.stage = step.stage();
        this.from = step.from();
        this.to = step.to();
        this.actor = step.actor();
        this.comment = step.comment();
        this.at = step.at();
    }

    HardshipStepDTO toDTO() {
        return new HardshipStepDTO(action, action.label(), stage, HardshipFlow.stageLabel(stage), from, to, actor, comment, at);
    }
}
