package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.edu.cumt.union.api.rest.Nullable;

/** A care visit, for the administrators of its unit and union administrators. */
public record VisitDTO(long id, long unitId, String unitName, long memberId, String memberName, VisitCategory category,
        String categoryLabel, LocalDate plannedOn, @Nullable LocalDate doneOn, boolean done, @Nullable String visitors,
        @Nullable String gifts, @Nullable BigDecimal giftValue, @Nullable String note) {
}
