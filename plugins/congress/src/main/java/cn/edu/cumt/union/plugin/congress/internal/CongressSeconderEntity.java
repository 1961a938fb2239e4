package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A delegate invited to second (附议) a proposal; seconded once {@code secondedAt} is set. Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_SECONDER")
public class CongressSeconderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "PROPOSAL_ID", nullable = false)
    long proposalId;
    @Column(name = "MEMBER_ID", nullable = false)
    long memberId;
    @Column(name = "NAME", nullable = false)
    String name;
    @Column(name = "INVITED_AT", nullable = false)
    Instant invitedAt;
    @Column(name = "SECONDED_AT")
    Instant secondedAt;
}
