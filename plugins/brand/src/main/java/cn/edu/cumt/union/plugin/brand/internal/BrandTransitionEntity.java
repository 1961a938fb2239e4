package cn.edu.cumt.union.plugin.brand.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One change of a project's status, kept as the project's history. */
@Entity
@Table(name = "BRAND_TRANSITION")
public class BrandTransitionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "PROJECT_ID", nullable = false)
    private long projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION", nullable = false)
    private BrandAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS")
    private BrandStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", nullable = false)
    private BrandStatus to;

    @Column(name = "COMMENT_TEXT")
    private String comment;

    @Column(name = "ACTOR", nullable = false)
    private String actor;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant at;

    protected BrandTransitionEntity() {
    }

    BrandTransitionEntity(long projectId, BrandAction action, BrandStatus from, BrandStatus to, String comment,
            String actor, Instant at) {
        this.projectId = projectId;
        this.action = action;
        this.from = from;
        this.to = to;
        this.comment = comment;
        this.actor = actor;
        this.at = at;
    }

    TransitionDTO toDTO() {
        return new TransitionDTO(action, action.label(), from, to, comment, actor, at);
    }
}
