package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import cn.edu.cumt.union.api.rest.Nullable;

/** One project in the yearly report; {@code fundingGranted}, {@code totalScore} and {@code grade} may be {@code null}. */
public record BrandReportRowDTO(long unitId, String unitName, long projectId, String name, BrandStatus status,
        String statusLabel, BigDecimal budgetAsked, @Nullable BigDecimal fundingGranted, BigDecimal disbursed,
        @Nullable BigDecimal totalScore, @Nullable BrandGrade grade, @Nullable String gradeLabel) {
}
