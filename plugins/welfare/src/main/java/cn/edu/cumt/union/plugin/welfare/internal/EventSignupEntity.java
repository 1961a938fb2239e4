package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A member's own sign-up for an event; opting out deletes it. */
@Entity
@Table(name = "WELFARE_EVENT_SIGNUP")
public class EventSignupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "EVENT_ID", nullable = false)
    long eventId;

    @Column(name = "MEMBER_ID", nullable = false)
    long memberId;

    @Column(name = "SIGNED_AT", nullable = false)
    Instant signedAt;

    protected EventSignupEntity() {
    }

    EventSignupEntity(long eventId, long memberId, Instant signedAt) {
        this.eventId = eventId;
        this.memberId = memberId;
        this.signedAt = signedAt;
    }
}
