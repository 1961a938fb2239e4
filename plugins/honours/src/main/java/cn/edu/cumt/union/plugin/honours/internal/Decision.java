package cn.edu.cumt.union.plugin.honours.internal;

import cn.edu.cumt.union.api.flow.FlowAction;

/** The eligibility check's decisions. */
public enum Decision {
    APPROVE(FlowAction.APPROVE, NominationStatus.ELIGIBLE), REJECT(FlowAction.REJECT, NominationStatus.INELIGIBLE),
    RETURN(FlowAction.RETURN, NominationStatus.RETURNED);

    final FlowAction action;
    final NominationStatus to;

    Decision(FlowAction action, NominationStatus to) {
        this.action = action;
        this.to = to;
    }
}
