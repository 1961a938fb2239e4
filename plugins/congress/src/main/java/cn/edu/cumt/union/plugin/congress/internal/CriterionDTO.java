package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;

/** One criterion: its weight in the total and its maximum score. */
public record CriterionDTO(long id, String name, BigDecimal weight, BigDecimal maxScore) {
}
