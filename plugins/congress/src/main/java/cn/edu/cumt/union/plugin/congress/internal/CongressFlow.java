package cn.edu.cumt.union.plugin.congress.internal;

import java.util.List;
import java.util.Set;

import cn.edu.cumt.union.api.flow.Actor;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowDefinition;
import cn.edu.cumt.union.api.flow.Stage;

/**
 * A proposal's review as a flow of the core: the head of the proposer's delegation checks it, then the
 * proposals committee decides. Who may act at each stage (the duty holders, never the proposer) is the
 * core's {@code Flows}; what the committee's decision means (立案, 转为意见建议, 并案, 不予立案) is the plugin's.
 */
final class CongressFlow {

    /** Duty of a delegation head, granted for the delegation's unit. */
    static final String HEAD_DUTY = "delegation-head";
    /** Duty of a proposals committee member, granted for the university (covers every unit). */
    static final String COMMITTEE_DUTY = "proposal-committee";
    static final String HEAD = "head";
    static final String COMMITTEE = "committee";

    static final FlowDefinition PROPOSAL = new FlowDefinition("congress.proposal", List.of(
            new Stage(HEAD, "代表团团长审核", Actor.duty(HEAD_DUTY), Set.of(FlowAction.APPROVE, FlowAction.RETURN), 7),
            new Stage(COMMITTEE, "提案工作委员会审查", Actor.duty(COMMITTEE_DUTY),
                    Set.of(FlowAction.APPROVE, FlowAction.REJECT), 15)), false);

    private CongressFlow() {
    }
}
