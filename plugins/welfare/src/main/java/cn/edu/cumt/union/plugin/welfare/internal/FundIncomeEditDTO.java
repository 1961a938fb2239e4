package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.edu.cumt.union.api.rest.Nullable;

/** Money received into a fund. */
public record FundIncomeEditDTO(BigDecimal amount, LocalDate receivedOn, @Nullable String note) {
}
