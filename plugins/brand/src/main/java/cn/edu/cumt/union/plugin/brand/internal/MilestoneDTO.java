package cn.edu.cumt.union.plugin.brand.internal;

import java.time.Instant;
import java.time.LocalDate;
import cn.edu.cumt.union.api.rest.Nullable;

/** A milestone (节点) of a project. */
public record MilestoneDTO(long id, String title, @Nullable LocalDate dueDate, boolean done, @Nullable LocalDate doneDate, @Nullable String note,
        String updatedBy, Instant updatedAt) {
}
