package cn.edu.cumt.union.core.internal.member;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One move of a member from a unit to another: the history a transfer keeps. */
@Entity
@Table(name = "UNION_MEMBER_TRANSFER")
public class MemberTransferEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "MEMBER_ID", nullable = false)
    private long memberId;

    @Column(name = "FROM_UNIT_ID", nullable = false)
    private long fromUnitId;

    @Column(name = "TO_UNIT_ID", nullable = false)
    private long toUnitId;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant at;

    @Column(name = "ACTOR", nullable = false)
    private String actor;

    @Column(name = "NOTE")
    private String note;

    protected MemberTransferEntity() {
    }

    public MemberTransferEntity(long memberId, long fromUnitId, long toUnitId, Instant at, String actor, String note) {
        this.memberId = memberId;
        this.fromUnitId = fromUnitId;
        this.toUnitId = toUnitId;
        this.at = at;
        this.actor = actor;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public long getMemberId() {
        return memberId;
    }

    public long getFromUnitId() {
        return fromUnitId;
    }

    public long getToUnitId() {
        return toUnitId;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getNote() {
        return note;
    }
}
