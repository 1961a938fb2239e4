package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A member's sign-up for a family day, with how many family members come along. */
@Entity
@Table(name = "FAMILYDAY_SIGNUP")
public class SignupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ACTIVITY_ID", nullable = false)
    private long activityId;

    @Column(name = "MEMBER_ID", nullable = false)
    private long memberId;

    @Column(name = "MEMBER_NAME", nullable = false, length = 100)
    private String memberName;

    @Column(name = "ADULTS", nullable = false)
    private int adults;

    @Column(name = "CHILDREN", nullable = false)
    private int children;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected SignupEntity() {
        // for JPA
    }

    public SignupEntity(long activityId, long memberId, String memberName, int adults, int children, Instant createdAt) {
        this.activityId = activityId;
        this.memberId = memberId;
        this.memberName = memberName;
        this.adults = adults;
        this.children = children;
        this.createdAt = createdAt;
    }

    void change(int newAdults, int newChildren) {
        this.adults = newAdults;
        this.children = newChildren;
    }

    public SignupDTO toDTO() {
        return new SignupDTO(activityId, memberId, memberName, adults, children, createdAt);
    }
}
