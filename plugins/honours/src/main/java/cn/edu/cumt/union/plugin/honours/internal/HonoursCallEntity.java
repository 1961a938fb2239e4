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

/** An award call (评选通知) of one year. Never leaves the service. */
@Entity
@Table(name = "HONOURS_CALL")
public class HonoursCallEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CALL_YEAR", nullable = false)
    int year;

    @Column(name = "TITLE", nullable = false)
    String title;

    @Column(name = "DESCRIPTION")
    String description;

    @Column(name = "NOMINATION_OPENS", nullable = false)
    Instant nominationOpens;

    @Column(name = "NOMINATION_CLOSES", nullable = false)
    Instant nominationCloses;

    @Column(name = "NOTICE_DAYS", nullable = false)
    int noticeDays;

    @Column(name = "DEFAULT_QUOTA", nullable = false)
    int defaultQuota;

    @Column(name = "COMMITTEE_DUTY", nullable = false)
    String committeeDuty;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false)
    CallStatus status;

    @Column(name = "BALLOT_ID")
    Long ballotId;

    @Column(name = "NOTICE_FROM")
    Instant noticeFrom;

    @Column(name = "NOTICE_UNTIL")
    Instant noticeUntil;

    @Column(name = "FINALISED_BY")
    String finalisedBy;

    @Column(name = "FINALISED_AT")
    Instant finalisedAt;

    @Column(name = "CREATED_BY", nullable = false)
    String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "VERSION")
    int version;

    boolean nominationOpen(Instant now) {
        return status == CallStatus.NOMINATING && !now.isBefore(nominationOpens) && now.isBefore(nominationCloses);
    }
}
