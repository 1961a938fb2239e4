package cn.edu.cumt.union.core.internal.duty;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import cn.edu.cumt.union.api.duty.DutyDTO;

/** A duty granted to a member for a unit and a period; revoking keeps the row. */
@Entity
@Table(name = "UNION_DUTY")
public class DutyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "CODE", nullable = false)
    private String code;

    @Column(name = "LABEL", nullable = false)
    private String label;

    @Column(name = "MEMBER_ID", nullable = false)
    private long memberId;

    @Column(name = "UNIT_ID", nullable = false)
    private long unitId;

    @Column(name = "VALID_FROM", nullable = false)
    private LocalDate from;

    @Column(name = "VALID_TO")
    private LocalDate to;

    @Column(name = "GRANTED_BY", nullable = false)
    private String grantedBy;

    @Column(name = "GRANTED_AT", nullable = false)
    private Instant grantedAt;

    @Column(name = "REVOKED_BY")
    private String revokedBy;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    @Version
    @Column(name = "VERSION")
    private int version;

    protected DutyEntity() {
    }

    DutyEntity(DutyGrantDTO grant, String grantedBy, Instant grantedAt) {
        this.code = grant.code();
        this.label = grant.label();
        this.memberId = grant.memberId();
        this.unitId = grant.unitId();
        this.from = grant.from();
        this.to = grant.to();
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    long getUnitId() {
        return unitId;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    DutyDTO toDTO() {
        return new DutyDTO(id, code, label, memberId, unitId, from, to, grantedBy, grantedAt, revokedBy, revokedAt);
    }
}
