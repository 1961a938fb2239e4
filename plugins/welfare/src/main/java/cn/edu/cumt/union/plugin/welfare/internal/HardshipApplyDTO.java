package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * An application for hardship help.
 *
 * @param memberId the member it is for; absent: the caller themselves (a unit administrator may name a member of their units)
 * @param idNumber 身份证号 for the payment, optional; masked in exports
 * @param phone    a contact number, optional (the directory's when absent); masked in exports
 */
public record HardshipApplyDTO(Fund fund, @Nullable Long memberId, String reason, BigDecimal amountAsked,
        @Nullable String idNumber, @Nullable String phone) {
}
