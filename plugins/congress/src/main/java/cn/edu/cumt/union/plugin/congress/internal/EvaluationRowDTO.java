package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** One unit's scores in the sheet's order (null: not scored), its total and rank. */
public record EvaluationRowDTO(long unitId, String unitName, List<BigDecimal> scores, @Nullable BigDecimal total, @Nullable Integer rank) {
}
