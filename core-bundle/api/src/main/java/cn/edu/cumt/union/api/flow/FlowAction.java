package cn.edu.cumt.union.api.flow;

/** What can be done to a case. {@link #APPROVE}, {@link #REJECT} and {@link #RETURN} are the decisions a stage allows. */
public enum FlowAction {
    /** 提交: the applicant opens the case; it goes to the first stage. */
    SUBMIT("提交"),
    /** 通过: the stage agrees; the case goes to the next stage, or is approved after the last. */
    APPROVE("通过"),
    /** 不通过: the case is rejected; final. */
    REJECT("不通过"),
    /** 退回修改: back to the applicant for changes. */
    RETURN("退回修改"),
    /** 重新提交: the applicant sends a returned case again, to the stage that returned it. */
    RESUBMIT("重新提交"),
    /** 撤回: the applicant withdraws an open case; final. */
    WITHDRAW("撤回"),
    /** 转办: a union administrator hands the current stage to one named reviewer. */
    REASSIGN("转办");

    private final String label;

    FlowAction(String label) {
        this.label = label;
    }

    /** The Chinese name users read. */
    public String label() {
        return label;
    }

    /** @return whether this is a reviewer's decision (approve, reject, return) */
    public boolean isDecision() {
        return this == APPROVE || this == REJECT || this == RETURN;
    }
}
