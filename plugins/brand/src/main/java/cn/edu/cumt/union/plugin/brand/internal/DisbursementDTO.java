package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A recorded payment of granted funding (经费拨付). */
public record DisbursementDTO(long id, BigDecimal amount, LocalDate paidOn, String note, String recordedBy,
        Instant recordedAt) {
}
