package cn.edu.cumt.union.plugin.welfare.internal;

import java.util.List;

/** The funds' balances and the year's help per unit, small cells suppressed. */
public record FundReportDTO(int year, List<FundBalanceDTO> funds, List<FundUnitRowDTO> rows, List<FundUnitRowDTO> totals) {
}
