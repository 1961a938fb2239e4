package cn.edu.cumt.union.plugin.honours.internal;

import java.util.List;
import java.util.Set;

import cn.edu.cumt.union.api.flow.Actor;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowDefinition;
import cn.edu.cumt.union.api.flow.Stage;
import cn.edu.cumt.union.api.security.Roles;

/** 资格审查: one stage of the core's flow, decided by union administrators (never the nominator), within 14 days. */
final class HonoursFlow {

    static final String CHECK_STAGE = "eligibility";
    static final int CHECK_DAYS = 14;
    static final FlowDefinition CHECK = new FlowDefinition("honours.nomination", List.of(new Stage(CHECK_STAGE,
            "校工会资格审查", Actor.role(Roles.UNION_ADMIN), Set.of(FlowAction.APPROVE, FlowAction.REJECT,
                    FlowAction.RETURN), CHECK_DAYS)), false);

    private HonoursFlow() {
    }
}
