package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * The university union's review of an application.
 *
 * @param decision       APPROVE, REJECT or RETURN
 * @param fundingGranted 批准经费 in yuan, required to approve (at most the budget asked), absent otherwise
 * @param comment        the reason (REJECT) or the comments (RETURN), required for both; optional to approve
 */
public record ReviewDTO(BrandDecision decision, @Nullable BigDecimal fundingGranted, @Nullable String comment) {
}
