package cn.edu.cumt.union.core.internal.scorecard;

import java.time.Instant;
import java.util.List;

/**
 * A year's scorecard, live (computed from the installed plugins now) or published (the stored snapshot).
 *
 * @param published   whether this is the stored snapshot
 * @param publishedAt when it was published, {@code null} while live
 * @param units       how many unit unions were ranked (rows may be fewer: a unit admin sees only theirs)
 * @param missing     indicators whose figures could not be read now; empty for a published year
 */
public record ScorecardDTO(int year, boolean published, Instant publishedAt, List<ScorecardItemDTO> indicators,
        int units, List<ScorecardRowDTO> rows, List<MissingDTO> missing) {
}
