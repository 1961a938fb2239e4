package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;

/** A chosen indicator of a year: what it is, its weight (the most points it can give) and its target. */
public record ScorecardItemDTO(String code, String labelZh, String labelEn, String unitOfMeasure,
        boolean higherIsBetter, BigDecimal weight, BigDecimal target) {
}
