package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit union's line of the scorecard.
 *
 * @param score the sum of its points, 2 decimals
 * @param rank  1 for the best score; equal scores share a rank and the next rank skips (1, 2, 2, 4)
 * @param cells one per chosen indicator, in the design's order
 */
public record ScorecardRowDTO(long unitId, String unitCode, String unitName, BigDecimal score, int rank,
        List<ScorecardCellDTO> cells) {
}
