package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A care visit.
 *
 * @param memberId  the member visited; the visit belongs to their unit
 * @param doneOn    absent while only planned
 * @param visitors  who visited, e.g. 校工会主席 张三、学院工会主席 李四
 * @param gifts     what was given, e.g. 慰问金、米面油
 * @param giftValue its value in yuan
 */
public record VisitEditDTO(Long memberId, VisitCategory category, LocalDate plannedOn, @Nullable LocalDate doneOn,
        @Nullable String visitors, @Nullable String gifts, @Nullable BigDecimal giftValue, @Nullable String note) {
}
