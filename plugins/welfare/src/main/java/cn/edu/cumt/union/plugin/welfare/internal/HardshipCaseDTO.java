package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.rest.Nullable;

/** A hardship application as listed; only ever shown to the applicant, their unit's admins and union admins. */
public record HardshipCaseDTO(long id, Fund fund, String fundLabel, int year, long unitId, String unitName,
        long memberId, String staffNo, String memberName, BigDecimal amountAsked, @Nullable BigDecimal amountGranted,
        CaseState state, String stateLabel, @Nullable String stage, @Nullable String stageLabel, boolean paid,
        @Nullable LocalDate paidOn, Instant createdAt) {
}
