package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A project as lists show it. Money ({@code budgetAsked}, {@code fundingGranted}, {@code disbursed})
 * is {@code null} for callers who do not manage the project's unit.
 *
 * @param managed        whether the caller manages the project's unit (and so sees everything)
 * @param fundingGranted 批准经费, {@code null} until approved
 * @param disbursed      已拨付, the sum of the disbursements
 * @param totalScore     结项评价总分, {@code null} until evaluated
 */
public record BrandProjectDTO(long id, long unitId, String unitName, int year, String name, BrandStatus status,
        String statusLabel, BigDecimal budgetAsked, @Nullable BigDecimal fundingGranted, BigDecimal disbursed,
        @Nullable BigDecimal totalScore, @Nullable BrandGrade grade, @Nullable String gradeLabel, boolean managed, String createdBy,
        Instant createdAt, @Nullable Instant updatedAt) {
}
