package cn.edu.cumt.union.core.internal.task;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** {@code GET /api/tasks}: what waits on the current user across the installed plugins; {@code ?overdue=true} only what is late. */
@Component(service = TaskResource.class)
@UnionResource
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskList tasks;

    @Activate
    public TaskResource(@Reference TaskList tasks) {
        this.tasks = tasks;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public TaskListDTO list(@Context SecurityContext sc, @QueryParam("overdue") boolean overdueOnly) {
        return tasks.tasksFor(UnionPrincipal.of(sc), overdueOnly);
    }
}
