package cn.edu.cumt.union.plugin.congress.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.api.task.TaskSource;

/** Tells the core's task list ({@code GET /api/tasks}) which proposals wait on whom. */
@Component(service = TaskSource.class)
public class CongressTasks implements TaskSource {

    private final CongressService congress;

    @Activate
    public CongressTasks(@Reference CongressService congress) {
        this.congress = congress;
    }

    @Override
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        return congress.tasksFor(user);
    }
}
