package cn.edu.cumt.union.plugin.welfare.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** 慰问 visits over HTTP; the rules live in {@link VisitService}. */
@Component(service = VisitResource.class)
@UnionResource
@Path("/visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitResource {

    private final VisitService visits;

    @Activate
    public VisitResource(@Reference VisitService visits) {
        this.visits = visits;
    }

    @POST
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "登记慰问（计划或已完成）Record a care visit, planned or done", status = 201, entity = VisitDTO.class)
    public Response create(@Context SecurityContext sc, VisitEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(visits.create(UnionPrincipal.of(sc), input)).build();
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("慰问记录 Care visits of the units I manage")
    public PageDTO<VisitDTO> list(@Context SecurityContext sc,
            @QueryParam("year") @QueryDoc(type = "integer", min = Fields.MIN_YEAR, max = Fields.MAX_YEAR) String year,
            @QueryParam("category") String category, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return visits.list(UnionPrincipal.of(sc), HardshipResource.optionalYear(year),
                Fields.option("category", category, VisitCategory.class), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("慰问详情 A care visit")
    public VisitDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return visits.get(UnionPrincipal.of(sc), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("修改慰问（如登记完成）Update a care visit, e.g. record it done")
    public VisitDTO update(@Context SecurityContext sc, @PathParam("id") long id, VisitEditDTO input) {
        return visits.update(UnionPrincipal.of(sc), id, input);
    }
}
