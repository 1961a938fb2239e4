package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A member's real-name objection (异议) to a name on the public notice; seen only by the filer and the union. */
@Entity
@Table(name = "HONOURS_OBJECTION")
public class HonoursObjectionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CALL_ID", nullable = false)
    long callId;

    @Column(name = "NOMINATION_ID", nullable = false)
    long nominationId;

    @Column(name = "MEMBER_ID", nullable = false)
    long memberId;

    @Column(name = "FILED_BY", nullable = false)
    String filedBy;

    @Column(name = "REASON", nullable = false)
    String reason;

    @Column(name = "FILED_AT", nullable = false)
    Instant filedAt;

    @Column(name = "ANSWER")
    String answer;

    @Column(name = "UPHELD")
    Boolean upheld;

    @Column(name = "ANSWERED_BY")
    String answeredBy;

    @Column(name = "ANSWERED_AT")
    Instant answeredAt;

    @Version
    @Column(name = "VERSION")
    int version;
}
