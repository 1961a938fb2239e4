package cn.edu.cumt.union.core.internal.audit;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import cn.edu.cumt.union.api.audit.AuditEntryDTO;

/** One audit line. Only ever inserted: there is no update or delete path in the code. */
@Entity
@Table(name = "UNION_AUDIT")
public class AuditEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant at;

    @Column(name = "ACTOR", nullable = false)
    private String actor;

    @Column(name = "SOURCE")
    private String source;

    @Column(name = "ACTION", nullable = false)
    private String action;

    @Column(name = "TARGET_TYPE")
    private String targetType;

    @Column(name = "TARGET_ID")
    private String targetId;

    @Column(name = "OUTCOME", nullable = false)
    private String outcome;

    @Column(name = "DETAIL")
    private String detail;

    protected AuditEntity() {
    }

    public AuditEntity(Instant at, String actor, String source, String action, String targetType, String targetId,
            String outcome, String detail) {
        this.at = at;
        this.actor = truncate(actor, 100);
        this.source = truncate(source, 100);
        this.action = truncate(action, 100);
        this.targetType = truncate(targetType, 100);
        this.targetId = truncate(targetId, 100);
        this.outcome = outcome;
        this.detail = truncate(detail, 2000);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public AuditEntryDTO toDTO() {
        return new AuditEntryDTO(id, at, actor, source, action, targetType, targetId, outcome, detail);
    }
}
