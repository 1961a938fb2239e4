package cn.edu.cumt.union.core.internal.duty;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
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

import cn.edu.cumt.union.api.duty.DutyDTO;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** {@code /api/duties}: union administrators grant and revoke duties; everyone lists those in their scope. */
@Component(service = DutyResource.class)
@UnionResource
@Path("/duties")
@Produces(MediaType.APPLICATION_JSON)
public class DutyResource {

    private final DutyService duties;

    @Activate
    public DutyResource(@Reference DutyService duties) {
        this.duties = duties;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public PageDTO<DutyDTO> list(@Context SecurityContext sc, @QueryParam("code") String code,
            @QueryParam("memberId") Long memberId, @QueryParam("unitId") Long unitId,
            @QueryParam("includeRevoked") boolean includeRevoked, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return duties.list(UnionPrincipal.of(sc), code == null || code.isBlank() ? null : code.trim(), memberId, unitId,
                includeRevoked, Paging.offset(offset), Paging.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc(value = "授予职务 Grant a member a duty", status = 201, entity = DutyDTO.class, errors = 409)
    public Response grant(@Context SecurityContext sc, DutyGrantDTO grant) {
        return Response.status(Response.Status.CREATED).entity(duties.grant(UnionPrincipal.of(sc), grant)).build();
    }

    @POST
    @Path("/{id: \\d+}/revoke")
    @RolesAllowed(Roles.UNION_ADMIN)
    public DutyDTO revoke(@Context SecurityContext sc, @PathParam("id") long id) {
        return duties.revoke(UnionPrincipal.of(sc), id);
    }
}
