package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;

/**
 * One unit's figure for one indicator.
 *
 * @param value  the figure the plugin published, {@code null} when it published none (0 points)
 * @param points what the figure gives, 2 decimals (see {@link ScoreRules})
 */
public record ScorecardCellDTO(String code, BigDecimal value, BigDecimal points) {
}
