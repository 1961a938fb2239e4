package cn.edu.cumt.union.plugin.brand.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A milestone (节点) of a project. */
public record MilestoneDTO(long id, String title, LocalDate dueDate, boolean done, LocalDate doneDate, String note,
        String updatedBy, Instant updatedAt) {
}
