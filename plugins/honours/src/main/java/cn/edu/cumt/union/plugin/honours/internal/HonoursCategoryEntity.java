package cn.edu.cumt.union.plugin.honours.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One award of a call (e.g. 师德模范), with its kind, its places and its eligibility rules. */
@Entity
@Table(name = "HONOURS_CATEGORY")
public class HonoursCategoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CALL_ID", nullable = false)
    long callId;

    @Column(name = "CODE", nullable = false)
    String code;

    @Column(name = "NAME", nullable = false)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false)
    HonourKind kind;

    @Column(name = "PLACES", nullable = false)
    int places;

    @Column(name = "ELIGIBILITY")
    String eligibility;

    @Column(name = "MEMBER_CATEGORY")
    String memberCategory;

    @Column(name = "MIN_MEMBER_YEARS")
    Integer minMemberYears;

    CategoryDTO toDTO() {
        return new CategoryDTO(id, code, name, kind, kind.label(), places, eligibility, memberCategory, minMemberYears);
    }
}
