package cn.edu.cumt.union.plugin.brand.internal;

/** The university union's review decision on an application. */
public enum BrandDecision {
    /** 批准立项, with the funding granted. */
    APPROVE(BrandAction.APPROVE),
    /** 不予立项, with a reason. */
    REJECT(BrandAction.REJECT),
    /** 退回修改, with comments. */
    RETURN(BrandAction.RETURN);

    private final BrandAction action;

    BrandDecision(BrandAction action) {
        this.action = action;
    }

    BrandAction action() {
        return action;
    }
}
