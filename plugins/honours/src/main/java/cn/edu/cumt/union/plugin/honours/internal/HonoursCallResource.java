package cn.edu.cumt.union.plugin.honours.internal;

import java.util.List;

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

/** Award calls over HTTP: the call, its nominations, ballot, notice, objections and final list; rules in {@link HonoursService}. */
@Component(service = HonoursCallResource.class)
@UnionResource
@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HonoursCallResource {

    private final HonoursService honours;

    @Activate
    public HonoursCallResource(@Reference HonoursService honours) {
        this.honours = honours;
    }

    @POST
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc(value = "发布评选 Create an award call", status = 201, entity = CallDTO.class)
    public Response create(@Context SecurityContext sc, CallEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(honours.createCall(UnionPrincipal.of(sc), input)).build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("评选列表 List award calls")
    public PageDTO<CallDTO> list(@Context SecurityContext sc,
            @QueryParam("year") @QueryDoc(type = "integer", min = Fields.MIN_YEAR, max = Fields.MAX_YEAR) String year,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return honours.calls(UnionPrincipal.of(sc), year(year), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("评选详情 An award call")
    public CallDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.call(UnionPrincipal.of(sc), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc(value = "修改评选（推荐阶段） Edit an award call while nominations are open", entity = CallDTO.class)
    public CallDTO update(@Context SecurityContext sc, @PathParam("id") long id, CallEditDTO input) {
        return honours.updateCall(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/nominations")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "推荐 Nominate (a draft)", status = 201, entity = NominationDTO.class)
    public Response nominate(@Context SecurityContext sc, @PathParam("id") long id, NominationEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(honours.nominate(UnionPrincipal.of(sc), id, input))
                .build();
    }

    @POST
    @Path("/{id}/ballot")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("评审投票 Close nominations and open the committee's secret ballot")
    public CallDTO ballot(@Context SecurityContext sc, @PathParam("id") long id, BallotOpenDTO input) {
        return honours.openBallot(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/ballot/close")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("结束投票 Close the committee's ballot now")
    public CallDTO closeBallot(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.closeBallot(UnionPrincipal.of(sc), id);
    }

    @GET
    @Path("/{id}/results")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("投票结果 Votes per nomination, once the ballot closed")
    public List<ListedDTO> results(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.results(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/notice")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("公示 Put the result on public notice")
    public CallDTO notice(@Context SecurityContext sc, @PathParam("id") long id, NoticeEditDTO input) {
        return honours.startNotice(UnionPrincipal.of(sc), id, input);
    }

    @GET
    @Path("/{id}/list")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("公示或公布名单 The list on notice, or the final list")
    public PublicListDTO publicList(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.publicList(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/objections")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc(value = "实名异议 Object to a listed name", status = 201, entity = ObjectionDTO.class)
    public Response object(@Context SecurityContext sc, @PathParam("id") long id, ObjectionEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(honours.object(UnionPrincipal.of(sc), id, input))
                .build();
    }

    @GET
    @Path("/{id}/objections")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("异议列表 The call's objections")
    public List<ObjectionDTO> objections(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.objections(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/finalise")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("定稿公布 Finalise and publish the list")
    public CallDTO finalise(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.finalise(UnionPrincipal.of(sc), id);
    }

    static Integer year(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Fields.year("year", Integer.valueOf(year.strip()));
        } catch (NumberFormatException notANumber) {
            throw cn.edu.cumt.union.api.rest.ApiException.invalidField("year", "应为年份", "must be a year");
        }
    }
}
