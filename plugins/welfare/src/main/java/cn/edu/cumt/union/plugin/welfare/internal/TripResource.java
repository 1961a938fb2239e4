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

/** 疗休养 trips over HTTP; the rules live in {@link TripService}. */
@Component(service = TripResource.class)
@UnionResource
@Path("/trips")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TripResource {

    private final TripService trips;

    @Activate
    public TripResource(@Reference TripService trips) {
        this.trips = trips;
    }

    @POST
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc(value = "发布疗休养 Create a recuperation trip", status = 201, entity = TripDTO.class)
    public Response create(@Context SecurityContext sc, TripEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(trips.create(UnionPrincipal.of(sc), input)).build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("疗休养列表 Trips, each with my sign-up")
    public PageDTO<TripDTO> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return trips.list(UnionPrincipal.of(sc), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("疗休养详情 A trip")
    public TripDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return trips.get(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/signup")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("报名疗休养 Sign up for a trip")
    public TripDTO signUp(@Context SecurityContext sc, @PathParam("id") long id) {
        return trips.signUp(UnionPrincipal.of(sc), id);
    }

    @DELETE
    @Path("/{id}/signup")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("取消报名 Cancel my sign-up")
    public void cancel(@Context SecurityContext sc, @PathParam("id") long id) {
        trips.cancel(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/allocate")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("分配名额（优先类别、按种子抽签）Allocate the places: priorities, then a seeded draw")
    public TripDTO allocate(@Context SecurityContext sc, @PathParam("id") long id, AllocateDTO input) {
        return trips.allocate(UnionPrincipal.of(sc), id, input);
    }

    @GET
    @Path("/{id}/roster")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("报名与入选名单 Sign-ups and the final list, with reasons")
    public List<TripListRowDTO> roster(@Context SecurityContext sc, @PathParam("id") long id) {
        return trips.roster(UnionPrincipal.of(sc), id);
    }
}
