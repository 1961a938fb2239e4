package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A reviewer's decision.
 *
 * @param stage         the stage the reviewer acts at (unit, union) as shown to them; absent: the current one
 * @param comment       required to reject or return
 * @param amountGranted required to approve at the union's stage, refused at the unit's
 */
public record HardshipReviewDTO(HardshipDecision decision, @Nullable String stage, @Nullable String comment,
        @Nullable BigDecimal amountGranted) {
}
