package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;

import cn.edu.cumt.union.api.rest.Nullable;

/** One criterion of a scoring sheet. */
public record CriterionEditDTO(@Nullable String name, @Nullable BigDecimal weight, @Nullable BigDecimal maxScore) {
}
