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

/** One step of a proposal's history. Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_TRANSITION")
public class CongressTransitionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "PROPOSAL_ID", nullable = false)
    long proposalId;
    @Column(name = "ACTION", nullable = false)
    String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS")
    ProposalStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", nullable = false)
    ProposalStatus to;
    @Column(name = "COMMENT_TEXT")
    String comment;
    @Column(name = "ACTOR", nullable = false)
    String actor;
    @Column(name = "OCCURRED_AT", nullable = false)
    Instant at;
}
