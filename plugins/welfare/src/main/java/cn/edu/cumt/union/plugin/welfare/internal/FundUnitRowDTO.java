package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A unit's (or the total's) approved cases of one fund in a year. A count below 5 is never shown
 * (small-cell rule): {@code cases}, {@code granted} and {@code paid} are then {@code null} and
 * {@code casesShown} is {@code <5}.
 */
public record FundUnitRowDTO(@Nullable Long unitId, String unitName, Fund fund, @Nullable Integer cases,
        String casesShown, @Nullable BigDecimal granted, @Nullable BigDecimal paid, boolean suppressed) {
}
