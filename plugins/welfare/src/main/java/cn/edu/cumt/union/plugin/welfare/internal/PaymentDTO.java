package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.LocalDate;

import cn.edu.cumt.union.api.rest.Nullable;

/** The payment of an approved case: the amount granted, paid on a day. */
public record PaymentDTO(LocalDate paidOn, @Nullable String note) {
}
