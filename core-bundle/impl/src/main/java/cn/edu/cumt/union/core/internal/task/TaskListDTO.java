package cn.edu.cumt.union.core.internal.task;

import java.util.List;

/**
 * {@code GET /api/tasks}: what waits on the current user, overdue first, then by deadline and age.
 *
 * @param items   the tasks of every plugin that answered
 * @param missing the plugins whose tasks are not in the list this time, with why
 */
public record TaskListDTO(List<TaskItemDTO> items, List<MissingSourceDTO> missing) {

    /**
     * @param plugin the plugin's id
     * @param reason {@code timeout} (did not answer in time), {@code failed} (threw) or {@code busy}
     *               (still busy with earlier calls)
     */
    public record MissingSourceDTO(String plugin, String reason) {
    }
}
