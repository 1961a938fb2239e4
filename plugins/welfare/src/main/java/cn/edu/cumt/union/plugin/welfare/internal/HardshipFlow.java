package cn.edu.cumt.union.plugin.welfare.internal;

import java.util.List;
import java.util.Set;

import cn.edu.cumt.union.api.flow.Actor;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowDefinition;
import cn.edu.cumt.union.api.flow.Stage;
import cn.edu.cumt.union.api.security.Roles;

/**
 * The review of a hardship application as a flow of the core: the applicant's unit reviews (单位审核),
 * then the university union reviews and sets the amount (校工会审核). Never the applicant; the approval
 * that closes a case is never taken by whoever took its first decision.
 */
final class HardshipFlow {

    static final String UNIT_STAGE = "unit";
    static final String UNION_STAGE = "union";
    static final int STAGE_DAYS = 15;

    static final FlowDefinition REVIEW = new FlowDefinition("welfare.hardship", List.of(
            new Stage(UNIT_STAGE, "单位审核", Actor.unitAdmins(),
                    Set.of(FlowAction.APPROVE, FlowAction.REJECT, FlowAction.RETURN), STAGE_DAYS),
            new Stage(UNION_STAGE, "校工会审核", Actor.role(Roles.UNION_ADMIN),
                    Set.of(FlowAction.APPROVE, FlowAction.REJECT, FlowAction.RETURN), STAGE_DAYS)), true);

    private HardshipFlow() {
    }

    static String stageLabel(String stage) {
        Stage found = stage == null ? null : REVIEW.stage(stage);
        return found == null ? null : found.label();
    }
}
