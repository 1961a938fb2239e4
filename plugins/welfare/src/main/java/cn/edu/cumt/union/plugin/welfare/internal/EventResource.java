package cn.edu.cumt.union.plugin.welfare.internal;

import java.util.List;

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

/** Lectures, salons and socials over HTTP; the rules live in {@link EventService}. */
@Component(service = EventResource.class)
@UnionResource
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventService events;

    @Activate
    public EventResource(@Reference EventService events) {
        this.events = events;
    }

    @POST
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "发布活动 Create an event", status = 201, entity = EventDTO.class)
    public Response create(@Context SecurityContext sc, EventEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(events.create(UnionPrincipal.of(sc), input)).build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("活动列表（受邀或组织的）Events I am invited to or organise")
    public PageDTO<EventDTO> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return events.list(UnionPrincipal.of(sc), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("活动详情 An event")
    public EventDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return events.get(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/signup")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("报名（本人）Sign myself up")
    public EventDTO signUp(@Context SecurityContext sc, @PathParam("id") long id) {
        return events.signUp(UnionPrincipal.of(sc), id);
    }

    @DELETE
    @Path("/{id}/signup")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("退出（本人）Opt out")
    public void optOut(@Context SecurityContext sc, @PathParam("id") long id) {
        events.optOut(UnionPrincipal.of(sc), id);
    }

    @GET
    @Path("/{id}/signups")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("报名名单（仅组织者）Sign-ups, for the event's organisers only")
    public List<EventSignupDTO> signups(@Context SecurityContext sc, @PathParam("id") long id) {
        return events.signups(UnionPrincipal.of(sc), id);
    }
}
