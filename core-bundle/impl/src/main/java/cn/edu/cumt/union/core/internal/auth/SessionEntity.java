package cn.edu.cumt.union.core.internal.auth;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A login session; the bearer token carries its id. Ended by logout, password change or its limits. */
@Entity
@Table(name = "UNION_SESSION")
public class SessionEntity {

    @Id
    @Column(name = "ID")
    private String id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "REVOKED", nullable = false)
    private boolean revoked;

    @Column(name = "CLIENT")
    private String client;

    protected SessionEntity() {
    }

    public SessionEntity(String id, long accountId, Instant createdAt, Instant expiresAt, String client) {
        this.id = id;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.lastSeenAt = createdAt;
        this.expiresAt = expiresAt;
        this.client = client == null || client.length() <= 100 ? client : client.substring(0, 100);
    }

    public String getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isRevoked() {
        return revoked;
    }

    public void revoke() {
        this.revoked = true;
    }
}
