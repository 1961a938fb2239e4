package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A payment of granted funding (经费拨付).
 *
 * @param amount in yuan, more than 0, at most 2 decimals; all payments together at most the funding granted
 * @param paidOn the day it was paid, not in the future
 */
public record DisbursementEditDTO(BigDecimal amount, LocalDate paidOn, @Nullable String note) {
}
