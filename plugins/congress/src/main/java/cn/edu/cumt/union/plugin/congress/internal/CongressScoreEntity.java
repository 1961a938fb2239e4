package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A unit's score on one criterion. Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_SCORE")
public class CongressScoreEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "CRITERION_ID", nullable = false)
    long criterionId;
    @Column(name = "UNIT_ID", nullable = false)
    long unitId;
    @Column(name = "SCORE", nullable = false)
    BigDecimal score;
    @Column(name = "SCORED_BY", nullable = false)
    String scoredBy;
    @Column(name = "SCORED_AT", nullable = false)
    Instant scoredAt;
}
