package cn.edu.cumt.union.plugin.study.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One member's attendance at one session; at most one per member and session. */
@Entity
@Table(name = "STUDY_ATTENDANCE")
public class StudyAttendanceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "SESSION_ID", nullable = false)
    private long sessionId;

    @Column(name = "MEMBER_ID", nullable = false)
    private long memberId;

    @Column(name = "UNIT_ID", nullable = false)
    private long unitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "METHOD", nullable = false)
    private AttendanceMethod method;

    @Column(name = "RECORDED_AT", nullable = false)
    private Instant recordedAt;

    @Column(name = "RECORDED_BY", nullable = false)
    private String recordedBy;

    protected StudyAttendanceEntity() {
    }

    StudyAttendanceEntity(long sessionId, long memberId, long unitId, AttendanceMethod method, Instant recordedAt,
            String recordedBy) {
        this.sessionId = sessionId;
        this.memberId = memberId;
        this.unitId = unitId;
        this.method = method;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    AttendanceDTO toDTO() {
        return new AttendanceDTO(sessionId, memberId, unitId, method, recordedAt, recordedBy);
    }

    long getSessionId() {
        return sessionId;
    }

    long getMemberId() {
        return memberId;
    }
}
