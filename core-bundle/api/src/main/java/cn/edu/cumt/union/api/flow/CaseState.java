package cn.edu.cumt.union.api.flow;

/** Where a case stands in its flow. */
public enum CaseState {
    /** 审核中: waiting on the reviewers of its current stage. */
    IN_REVIEW("审核中"),
    /** 退回修改: waiting on the applicant. */
    RETURNED("退回修改"),
    /** 已通过: approved by the last stage; final. */
    APPROVED("已通过"),
    /** 未通过: rejected; final. */
    REJECTED("未通过"),
    /** 已撤回: withdrawn by the applicant; final. */
    WITHDRAWN("已撤回");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    /** The Chinese name users read. */
    public String label() {
        return label;
    }

    /** @return whether nothing more can happen to the case */
    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }
}
