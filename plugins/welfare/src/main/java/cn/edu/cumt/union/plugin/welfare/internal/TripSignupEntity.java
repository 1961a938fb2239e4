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

/** A member's sign-up for a trip, with the priority tier fixed at sign-up and, once drawn, the result and its reason. */
@Entity
@Table(name = "WELFARE_TRIP_SIGNUP")
public class TripSignupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "TRIP_ID", nullable = false)
    long tripId;

    @Column(name = "MEMBER_ID", nullable = false)
    long memberId;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "PRIORITY_TIER", nullable = false)
    int tier;

    @Column(name = "PRIORITY_CATEGORY")
    String category;

    @Column(name = "SIGNED_AT", nullable = false)
    Instant signedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "RESULT", nullable = false)
    TripResult result;

    @Column(name = "DRAW_POSITION")
    Integer position;

    @Column(name = "REASON")
    String reason;

    protected TripSignupEntity() {
    }

    TripSignupEntity(long tripId, long memberId, long unitId, int tier, String category, Instant signedAt) {
        this.tripId = tripId;
        this.memberId = memberId;
        this.unitId = unitId;
        this.tier = tier;
        this.category = category;
        this.signedAt = signedAt;
        this.result = TripResult.PENDING;
    }
}
