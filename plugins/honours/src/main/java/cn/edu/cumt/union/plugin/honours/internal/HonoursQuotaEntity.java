package cn.edu.cumt.union.plugin.honours.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A unit's number of nominations (名额) in a call, where it differs from the call's default. */
@Entity
@Table(name = "HONOURS_QUOTA")
public class HonoursQuotaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CALL_ID", nullable = false)
    long callId;

    @Column(name = "UNIT_ID", nullable = false)
    long unitId;

    @Column(name = "QUOTA", nullable = false)
    int quota;
}
