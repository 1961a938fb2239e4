package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A recuperation trip (疗休养): places per unit, who is eligible, the priorities and, once drawn, the seed. */
@Entity
@Table(name = "WELFARE_TRIP")
public class TripEntity {

    static final String OPEN = "OPEN";
    static final String ALLOCATED = "ALLOCATED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "TITLE", nullable = false)
    String title;

    @Column(name = "DESTINATION", nullable = false)
    String destination;

    @Column(name = "STARTS_ON", nullable = false)
    LocalDate startsOn;

    @Column(name = "ENDS_ON", nullable = false)
    LocalDate endsOn;

    @Column(name = "SIGNUP_UNTIL", nullable = false)
    LocalDate signupUntil;

    @Column(name = "ELIGIBLE_CATEGORIES")
    String eligibleCategories;

    @Column(name = "MIN_YEARS", nullable = false)
    int minYears;

    @Column(name = "PRIORITY_CATEGORIES")
    String priorityCategories;

    @Column(name = "STATUS", nullable = false)
    String status;

    @Column(name = "SEED")
    Long seed;

    @Column(name = "ALLOCATED_BY")
    String allocatedBy;

    @Column(name = "ALLOCATED_AT")
    Instant allocatedAt;

    @Column(name = "CREATED_BY", nullable = false)
    String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    int version;

    protected TripEntity() {
    }

    TripEntity(String createdBy, Instant createdAt) {
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = OPEN;
    }
}
