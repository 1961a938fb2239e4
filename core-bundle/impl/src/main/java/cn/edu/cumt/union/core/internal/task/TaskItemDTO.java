package cn.edu.cumt.union.core.internal.task;

import java.time.Instant;

/**
 * One line of {@code GET /api/tasks}: a plugin's record waiting on the current user.
 *
 * @param plugin  the plugin's id, as its bundle declares it
 * @param title   the record's title
 * @param link    where to read it, {@code /api/<plugin>/...}
 * @param stage   what it waits for
 * @param since   since when
 * @param due     its deadline, or {@code null}
 * @param overdue whether the deadline has passed
 */
public record TaskItemDTO(String plugin, String title, String link, String stage, Instant since, Instant due,
        boolean overdue) {
}
