package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * What a unit sends to apply for its 一会一品 project, or to change the application.
 *
 * @param unitId      the applying unit (二级单位工会), required; cannot change afterwards
 * @param year        the project year, required; cannot change afterwards
 * @param name        项目名称, required
 * @param aims        项目目标, required
 * @param plan        实施方案, required
 * @param budgetAsked 申请经费 in yuan, more than 0, at most 2 decimals
 */
public record BrandProjectEditDTO(@Nullable Long unitId, Integer year, String name, @Nullable String aims, @Nullable String plan,
        BigDecimal budgetAsked) {
}
