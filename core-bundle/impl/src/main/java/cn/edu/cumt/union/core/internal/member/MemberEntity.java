package cn.edu.cumt.union.core.internal.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;

/** A union member. The staff number is the natural key: imports match on it. */
@Entity
@Table(name = "UNION_MEMBER")
public class MemberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "STAFF_NO", nullable = false, unique = true)
    private String staffNo;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "GENDER")
    private String gender;

    @Column(name = "BIRTH_DATE")
    private LocalDate birthDate;

    @Column(name = "PHONE")
    private String phone;

    @Column(name = "EMAIL")
    private String email;

    @Column(name = "UNIT_ID", nullable = false)
    private long unitId;

    @Column(name = "GROUP_ID")
    private Long groupId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false)
    private MemberStatus status = MemberStatus.ACTIVE;

    @Column(name = "JOIN_DATE")
    private LocalDate joinDate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "UNION_MEMBER_CATEGORY", joinColumns = @JoinColumn(name = "MEMBER_ID"))
    @Column(name = "CATEGORY")
    private Set<String> categories = new TreeSet<>();

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    private int version;

    protected MemberEntity() {
    }

    public MemberEntity(String staffNo, String name, long unitId, Instant now) {
        this.staffNo = staffNo;
        this.name = name;
        this.unitId = unitId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public MemberDTO toDTO() {
        return new MemberDTO(id, staffNo, name, gender, birthDate, phone, email, unitId, groupId, status, joinDate,
                Set.copyOf(categories));
    }

    public Long getId() {
        return id;
    }

    public String getStaffNo() {
        return staffNo;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public long getUnitId() {
        return unitId;
    }

    public void setUnitId(long unitId) {
        this.unitId = unitId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public void setGroupId(Long groupId) {
        this.groupId = groupId;
    }

    public MemberStatus getStatus() {
        return status;
    }

    public void setStatus(MemberStatus status) {
        this.status = status;
    }

    public LocalDate getJoinDate() {
        return joinDate;
    }

    public void setJoinDate(LocalDate joinDate) {
        this.joinDate = joinDate;
    }

    public Set<String> getCategories() {
        return categories;
    }

    public void setCategories(Set<String> categories) {
        this.categories.clear();
        this.categories.addAll(categories);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
