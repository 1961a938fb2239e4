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

/** One row of a nomination's history. */
@Entity
@Table(name = "HONOURS_STEP")
public class HonoursStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "NOMINATION_ID", nullable = false)
    long nominationId;

    @Column(name = "ACTION", nullable = false)
    String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS")
    NominationStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", nullable = false)
    NominationStatus to;

    @Column(name = "COMMENT_TEXT")
    String comment;

    @Column(name = "ACTOR", nullable = false)
    String actor;

    @Column(name = "AT_TIME", nullable = false)
    Instant at;

    protected HonoursStepEntity() {
    }

    HonoursStepEntity(long nominationId, String action, NominationStatus from, NominationStatus to, String comment,
            String actor, Instant at) {
        this.nominationId = nominationId;
        this.action = action;
        this.from = from;
        this.to = to;
        this.comment = comment;
        this.actor = actor;
        this.at = at;
    }

    StepDTO toDTO() {
        return new StepDTO(action, from, to, comment, actor, at);
    }
}
