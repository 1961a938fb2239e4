package cn.edu.cumt.union.plugin.familyday.internal;


import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** {@code /api/familyday/activities}: thin REST over {@link ActivityService}; the core serves it in this plugin's own application at {@code /api/familyday}, so the path is relative to that. */
@Component(service = ActivityResource.class)
@UnionResource
@Path("/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ActivityService activities;

    @Activate
    public ActivityResource(@Reference ActivityService activities) {
        this.activities = activities;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("家庭日活动 Family day activities")
    public PageDTO<ActivityDTO> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return activities.list(Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("活动详情 An activity")
    public ActivityDTO get(@PathParam("id") long id) {
        return activities.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "新建活动 Create an activity", status = 201, entity = ActivityDTO.class)
    public Response create(@Context SecurityContext security, ActivityEditDTO input) {
        return Response.status(201).entity(activities.create(UnionPrincipal.of(security), input)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "删除活动 Delete an activity", status = 204)
    public Response delete(@Context SecurityContext security, @PathParam("id") long id) {
        activities.delete(UnionPrincipal.of(security), id);
        return Response.noContent().build();
    }
}
