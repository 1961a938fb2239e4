package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;

/** One project in the yearly report; {@code fundingGranted}, {@code totalScore} and {@code grade} may be {@code null}. */
public record BrandReportRowDTO(long unitId, String unitName, long projectId, String name, BrandStatus status,
        String statusLabel, BigDecimal budgetAsked, BigDecimal fundingGranted, BigDecimal disbursed,
        BigDecimal totalScore, BrandGrade grade, String gradeLabel) {
}
