package cn.edu.cumt.union.plugin.honours.internal;

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
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** Nominations over HTTP: the unit's draft, submit, withdraw, resubmit; the union's eligibility check. */
@Component(service = HonoursNominationResource.class)
@UnionResource
@Path("/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HonoursNominationResource {

    private final HonoursService honours;

    @Activate
    public HonoursNominationResource(@Reference HonoursService honours) {
        this.honours = honours;
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("推荐列表 Nominations of the units I manage")
    public PageDTO<NominationDTO> list(@Context SecurityContext sc, @QueryParam("callId") Long callId,
            @QueryParam("status") String status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return honours.nominations(UnionPrincipal.of(sc), callId, Fields.option("status", status,
                NominationStatus.class), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("推荐详情 A nomination with its history")
    public NominationDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.nomination(UnionPrincipal.of(sc), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("修改推荐 Update a draft or returned nomination")
    public NominationDTO update(@Context SecurityContext sc, @PathParam("id") long id, NominationEditDTO input) {
        return honours.updateNomination(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("提交推荐 Submit for the eligibility check")
    public NominationDTO submit(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.submit(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/resubmit")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("重新提交 Resubmit a returned nomination")
    public NominationDTO resubmit(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.resubmit(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("撤回推荐 Withdraw a nomination")
    public NominationDTO withdraw(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.withdraw(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("资格审查 Eligibility check: approve, reject or return")
    public NominationDTO review(@Context SecurityContext sc, @PathParam("id") long id, ReviewDTO input) {
        return honours.review(UnionPrincipal.of(sc), id, input);
    }
}
