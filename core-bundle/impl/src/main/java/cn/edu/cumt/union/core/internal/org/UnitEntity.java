package cn.edu.cumt.union.core.internal.org;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;

/** A node of the organisation tree. Retired, never deleted, once it has had members. */
@Entity
@Table(name = "UNION_UNIT")
public class UnitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "CODE", nullable = false, unique = true)
    private String code;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "NAME_EN")
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false)
    private UnitKind kind;

    @Column(name = "PARENT_ID")
    private Long parentId;

    @Column(name = "RETIRED", nullable = false)
    private boolean retired;

    @Version
    @Column(name = "VERSION")
    private int version;

    protected UnitEntity() {
    }

    public UnitEntity(String code, String name, String nameEn, UnitKind kind, Long parentId) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.kind = kind;
        this.parentId = parentId;
    }

    public UnitDTO toDTO() {
        return new UnitDTO(id, code, name, nameEn, kind, parentId, retired);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public UnitKind getKind() {
        return kind;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public boolean isRetired() {
        return retired;
    }

    public void setRetired(boolean retired) {
        this.retired = retired;
    }
}
