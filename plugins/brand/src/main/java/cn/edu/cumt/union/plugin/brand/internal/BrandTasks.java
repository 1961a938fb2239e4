package cn.edu.cumt.union.plugin.brand.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.api.task.TaskSource;

/** Tells the core's task list ({@code GET /api/tasks}) which applications wait on whom. */
@Component(service = TaskSource.class)
public class BrandTasks implements TaskSource {

    private final BrandService brand;

    @Activate
    public BrandTasks(@Reference BrandService brand) {
        this.brand = brand;
    }

    @Override
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        return brand.tasksFor(user);
    }
}
