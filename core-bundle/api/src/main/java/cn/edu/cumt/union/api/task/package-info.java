/**
 * The task list: each plugin registers a {@link cn.edu.cumt.union.api.task.TaskSource} saying what waits
 * on a user; the core gathers them across installed plugins at {@code GET /api/tasks}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package cn.edu.cumt.union.api.task;
