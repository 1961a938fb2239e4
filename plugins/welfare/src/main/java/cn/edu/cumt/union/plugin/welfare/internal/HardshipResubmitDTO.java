package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;

import cn.edu.cumt.union.api.rest.Nullable;

/** What a returned application may change before it goes back: absent fields stay. */
public record HardshipResubmitDTO(@Nullable String reason, @Nullable BigDecimal amountAsked) {
}
