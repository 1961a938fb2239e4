package cn.edu.cumt.union.core.internal.notify;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import cn.edu.cumt.union.api.notify.NotificationDTO;

/** One notice in one recipient's inbox: a member's ({@code memberId}) or an account's without a member. */
@Entity
@Table(name = "UNION_NOTIFICATION")
public class NotificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "MEMBER_ID")
    private Long memberId;

    @Column(name = "ACCOUNT_ID")
    private Long accountId;

    @Column(name = "SOURCE", nullable = false)
    private String source;

    @Column(name = "TITLE", nullable = false)
    private String title;

    @Column(name = "BODY")
    private String body;

    @Column(name = "LINK")
    private String link;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "READ_AT")
    private Instant readAt;

    protected NotificationEntity() {
    }

    public NotificationEntity(Long memberId, Long accountId, String source, String title, String body, String link,
            Instant createdAt) {
        this.memberId = memberId;
        this.accountId = accountId;
        this.source = source;
        this.title = title;
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
    }

    public NotificationDTO toDTO() {
        return new NotificationDTO(id, source, title, body, link, createdAt, readAt);
    }

    public Long getMemberId() {
        return memberId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }
}
