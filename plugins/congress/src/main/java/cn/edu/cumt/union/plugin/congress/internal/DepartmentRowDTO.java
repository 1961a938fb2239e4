package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;

import cn.edu.cumt.union.api.rest.Nullable;

/** The proposals one lead department handles. */
public record DepartmentRowDTO(long unitId, String unitName, long assigned, long answered, long overdue, @Nullable BigDecimal answerRate, long ratings, @Nullable BigDecimal satisfactionRate) {
}
