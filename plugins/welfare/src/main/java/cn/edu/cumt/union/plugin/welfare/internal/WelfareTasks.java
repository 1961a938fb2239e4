package cn.edu.cumt.union.plugin.welfare.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.api.task.TaskSource;

/** Tells the core's task list which applications wait on whom (by number, never by name). */
@Component(service = TaskSource.class)
public class WelfareTasks implements TaskSource {

    private final HardshipService hardship;

    @Activate
    public WelfareTasks(@Reference HardshipService hardship) {
        this.hardship = hardship;
    }

    @Override
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        return hardship.tasksFor(user);
    }
}
