package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.edu.cumt.union.api.rest.Nullable;

/** One income of a fund. */
public record FundIncomeDTO(long id, Fund fund, String fundLabel, BigDecimal amount, LocalDate receivedOn,
        @Nullable String note, String recordedBy, Instant recordedAt) {
}
