package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Instant;

import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.rest.Nullable;

/** One step of an application's history. */
public record HardshipStepDTO(FlowAction action, String actionLabel, @Nullable String stage, @Nullable String stageLabel,
        @Nullable CaseState from, CaseState to, String actor, @Nullable String comment, Instant at) {
}
