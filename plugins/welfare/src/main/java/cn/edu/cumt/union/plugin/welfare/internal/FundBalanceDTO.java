package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;

/**
 * One fund: its caps (Config Admin) and money, all time and in the year.
 *
 * @param caseCap       the most one case may be granted
 * @param memberYearCap the most one member may be granted in a calendar year
 */
public record FundBalanceDTO(Fund fund, String label, BigDecimal caseCap, BigDecimal memberYearCap, BigDecimal income,
        BigDecimal paid, BigDecimal balance, BigDecimal yearIncome, BigDecimal yearPaid) {
}
