package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * 一会一品年度汇总: the projects of one year (withdrawn ones left out), per unit in directory order,
 * with the money summed over them.
 */
public record BrandReportDTO(int year, int projects, BigDecimal budgetAsked, BigDecimal fundingGranted,
        BigDecimal disbursed, List<BrandReportRowDTO> rows) {
}
