package cn.edu.cumt.union.plugin.honours.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.api.task.TaskSource;

/** Tells the core's task list ({@code GET /api/tasks}) what of the honours work waits on whom. */
@Component(service = TaskSource.class)
public class HonoursTasks implements TaskSource {

    private final HonoursService honours;

    @Activate
    public HonoursTasks(@Reference HonoursService honours) {
        this.honours = honours;
    }

    @Override
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        return honours.tasksFor(user);
    }
}
