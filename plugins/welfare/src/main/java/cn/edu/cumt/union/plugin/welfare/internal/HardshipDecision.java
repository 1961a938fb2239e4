package cn.edu.cumt.union.plugin.welfare.internal;

import cn.edu.cumt.union.api.flow.FlowAction;

/** A reviewer's decision on a hardship application. */
public enum HardshipDecision {
    APPROVE(FlowAction.APPROVE), REJECT(FlowAction.REJECT), RETURN(FlowAction.RETURN);

    private final FlowAction action;

    HardshipDecision(FlowAction action) {
        this.action = action;
    }

    FlowAction action() {
        return action;
    }
}
