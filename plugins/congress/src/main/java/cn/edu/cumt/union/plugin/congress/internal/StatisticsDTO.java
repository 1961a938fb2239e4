package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** A session's statistics: counts by outcome, answer and satisfaction rates, per department. */
public record StatisticsDTO(long sessionId, String title, long total, List<StatusCountDTO> byStatus, long accepted, long answered, @Nullable BigDecimal answerRate, long ratings, @Nullable BigDecimal satisfactionRate, List<DepartmentRowDTO> departments) {
}
