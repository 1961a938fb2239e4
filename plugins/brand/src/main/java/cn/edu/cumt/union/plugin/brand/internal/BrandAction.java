package cn.edu.cumt.union.plugin.brand.internal;

/** What can happen to a project; {@link BrandFlow} says in which status each is allowed. */
public enum BrandAction {
    /** 申报: a unit applies (the first status). */
    APPLY("申报"),
    /** 修改: the unit changes its application. */
    EDIT("修改"),
    /** 撤回: the unit withdraws its application. */
    WITHDRAW("撤回"),
    /** 重新提交: the unit sends a returned application again. */
    RESUBMIT("重新提交"),
    /** 批准立项: the university union approves, with funding. */
    APPROVE("批准立项"),
    /** 不予立项: the university union rejects. */
    REJECT("不予立项"),
    /** 退回修改: the university union returns it for changes. */
    RETURN("退回修改"),
    /** 转办: the university union hands the review to one of its administrators. */
    REASSIGN("转办"),
    /** 记录进展: a milestone, disbursement or mid-term inspection; the first one starts the project. */
    PROGRESS("记录进展"),
    /** 结项评价: the final evaluation, which completes the project. */
    COMPLETE("结项评价");

    private final String label;

    BrandAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
