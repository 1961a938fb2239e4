package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;

import cn.edu.cumt.union.api.rest.Nullable;

/** A unit's score on one criterion. */
public record ScoreEditDTO(@Nullable Long criterionId, @Nullable BigDecimal score) {
}
