package cn.edu.cumt.union.plugin.brand.internal;

/** Where a 一会一品 project stands; the moves between these live in {@link BrandFlow}. */
public enum BrandStatus {
    /** 已申报: waiting for the university union's review. */
    SUBMITTED("已申报"),
    /** 退回修改: returned to the unit for changes. */
    RETURNED("退回修改"),
    /** 已立项: approved with funding, nothing recorded yet. */
    APPROVED("已立项"),
    /** 实施中: approved, and progress (milestones, funding, inspection) is being recorded. */
    IN_PROGRESS("实施中"),
    /** 未通过: rejected. */
    REJECTED("未通过"),
    /** 已撤回: withdrawn by the unit. */
    WITHDRAWN("已撤回"),
    /** 已结项: finally evaluated. */
    COMPLETED("已结项");

    private final String label;

    BrandStatus(String label) {
        this.label = label;
    }

    /** The Chinese name users read. */
    public String label() {
        return label;
    }

    /** Whether the project holds its unit's one place for its year (everything but rejected and withdrawn). */
    public boolean holdsYear() {
        return this != REJECTED && this != WITHDRAWN;
    }

    /** Whether members and other units see it: approved, in progress or completed. */
    public boolean isPublic() {
        return this == APPROVED || this == IN_PROGRESS || this == COMPLETED;
    }
}
