package cn.edu.cumt.union.api.task;

import java.time.Instant;

/**
 * One record that waits on a user.
 *
 * @param title the record's title, e.g. the project's name
 * @param link  where the record is read, under the plugin's own base: {@code /api/<plugin-id>/...};
 *              the core drops a task whose link leaves that base
 * @param stage what it waits for, in words users read, e.g. 校工会审核 or 退回修改
 * @param since when it started waiting
 * @param due   when it should be done, or {@code null} without a deadline; past it the task is overdue
 */
public record TaskDTO(String title, String link, String stage, Instant since, Instant due) {
}
