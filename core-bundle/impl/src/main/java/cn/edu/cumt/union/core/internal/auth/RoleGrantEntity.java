package cn.edu.cumt.union.core.internal.auth;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A role held by an account; {@code unitId} scopes a {@code unit-admin} grant to one unit and its sub-units. */
@Entity
@Table(name = "UNION_ROLE_GRANT")
public class RoleGrantEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "ROLE_NAME", nullable = false)
    private String role;

    @Column(name = "UNIT_ID")
    private Long unitId;

    protected RoleGrantEntity() {
    }

    public RoleGrantEntity(long accountId, String role, Long unitId) {
        this.accountId = accountId;
        this.role = role;
        this.unitId = unitId;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getRole() {
        return role;
    }

    public Long getUnitId() {
        return unitId;
    }
}
