package cn.edu.cumt.union.plugin.brand.internal;

import java.time.LocalDate;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A milestone (节点) as sent by the unit or the union.
 *
 * @param done     whether it is reached; absent means not done
 * @param doneDate when it was reached, only when done; absent means today (Beijing)
 */
public record MilestoneEditDTO(String title, @Nullable LocalDate dueDate, @Nullable Boolean done, @Nullable LocalDate doneDate, @Nullable String note) {
}
