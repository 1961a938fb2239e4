package cn.edu.cumt.union.plugin.study.internal;

import java.math.BigDecimal;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * Completion of one unit (单位学习完成情况).
 *
 * @param expected 应到: expected attendances, summed over sessions
 * @param attended 实到: recorded attendances
 * @param rate     到课率: attended / expected with 3 decimals, {@code null} when nothing was expected
 */
public record StudyReportRowDTO(long unitId, String unitName, long expected, long attended, @Nullable BigDecimal rate) {
}
