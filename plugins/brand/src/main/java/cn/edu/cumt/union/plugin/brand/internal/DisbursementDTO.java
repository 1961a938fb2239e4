package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import cn.edu.cumt.union.api.rest.Nullable;

/** A recorded payment of granted funding (经费拨付). */
public record DisbursementDTO(long id, BigDecimal amount, LocalDate paidOn, @Nullable String note, String recordedBy,
        Instant recordedAt) {
}
