package cn.edu.cumt.union.plugin.congress.internal;

import java.time.LocalDate;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** The committee's decision: ACCEPT needs leadUnitId and dueOn (coUnitIds optional), MERGE needs mergeInto, NOT_ACCEPT a reason. */
public record DecisionDTO(@Nullable CommitteeOutcome outcome, @Nullable String reason, @Nullable Long mergeInto, @Nullable Long leadUnitId, @Nullable List<Long> coUnitIds, @Nullable LocalDate dueOn) {
}
