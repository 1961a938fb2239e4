package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One rater's rating of one answer round. Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_RATING")
public class CongressRatingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "PROPOSAL_ID", nullable = false)
    long proposalId;
    @Column(name = "MEMBER_ID", nullable = false)
    long memberId;
    @Column(name = "ANSWER_ROUND", nullable = false)
    int round;
    @Enumerated(EnumType.STRING)
    @Column(name = "RATING", nullable = false)
    Rating rating;
    @Column(name = "COMMENT_TEXT")
    String comment;
    @Column(name = "RATED_AT", nullable = false)
    Instant ratedAt;
}
