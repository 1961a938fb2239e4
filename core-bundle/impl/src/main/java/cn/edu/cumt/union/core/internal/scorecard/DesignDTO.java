package cn.edu.cumt.union.core.internal.scorecard;

import java.time.Instant;
import java.util.List;

/** A year's design as stored: the chosen indicators with weights and targets. */
public record DesignDTO(int year, List<ScorecardItemDTO> indicators, boolean published, String updatedBy,
        Instant updatedAt) {
}
