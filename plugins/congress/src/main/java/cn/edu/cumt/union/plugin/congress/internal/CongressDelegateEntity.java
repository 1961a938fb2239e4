package cn.edu.cumt.union.plugin.congress.internal;


import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A delegate (代表) of a session, in the delegation (代表团) of a unit. Package-private fields; never leaves the plugin's services. */
@Entity
@Table(name = "CONGRESS_DELEGATE")
public class CongressDelegateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;
    @Column(name = "SESSION_ID", nullable = false)
    long sessionId;
    @Column(name = "MEMBER_ID", nullable = false)
    long memberId;
    @Column(name = "UNIT_ID", nullable = false)
    long unitId;
    @Column(name = "NAME", nullable = false)
    String name;
}
