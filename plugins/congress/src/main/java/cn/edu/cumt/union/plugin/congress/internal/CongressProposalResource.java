package cn.edu.cumt.union.plugin.congress.internal;

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

/** Proposals (提案) over HTTP, from the draft to the rated answer; the rules live in {@link CongressService}. */
@Component(service = CongressProposalResource.class)
@UnionResource
@Path("/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CongressProposalResource {

    private final CongressService congress;

    @Activate
    public CongressProposalResource(@Reference CongressService congress) {
        this.congress = congress;
    }

    @POST
    @RolesAllowed(Roles.MEMBER)
    @RestDoc(value = "起草提案 Draft a proposal", status = 201, entity = ProposalDetailDTO.class)
    public Response create(@Context SecurityContext sc, ProposalEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(congress.create(UnionPrincipal.of(sc), input)).build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("提案公开列表 Public list of decided proposals")
    public PageDTO<ProposalDTO> list(
            @QueryParam("sessionId") @QueryDoc(type = "integer", min = 1, max = Long.MAX_VALUE) String sessionId,
            @QueryParam("status") @QueryDoc(values = { "ACCEPTED", "ANSWERED", "CLOSED", "OPINION", "MERGED",
                    "NOT_ACCEPTED" }) String status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return congress.publicList(CongressInputs.id("sessionId", sessionId),
                Fields.option("status", status, ProposalStatus.class), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("我的提案 Proposals I made or was asked to second")
    public PageDTO<ProposalDTO> mine(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return congress.mine(UnionPrincipal.of(sc), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/queue")
    @RolesAllowed({ Roles.MEMBER, Roles.UNION_ADMIN })
    @RestDoc("待审核提案 Proposals waiting on my check or decision")
    public PageDTO<ProposalDTO> queue(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return congress.queue(UnionPrincipal.of(sc), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/department")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("承办提案 Proposals my units handle")
    public PageDTO<ProposalDTO> department(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return congress.department(UnionPrincipal.of(sc), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({ Roles.MEMBER, Roles.UNION_ADMIN })
    @RestDoc("督办清单 Accepted proposals past their answer deadline")
    public List<ProposalDTO> overdue(@Context SecurityContext sc,
            @QueryParam("sessionId") @QueryDoc(type = "integer", min = 1, max = Long.MAX_VALUE) String sessionId) {
        return congress.overdueList(UnionPrincipal.of(sc), CongressInputs.id("sessionId", sessionId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("提案详情 A proposal")
    public ProposalDetailDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return congress.get(UnionPrincipal.of(sc), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("修改提案 Edit a draft")
    public ProposalDetailDTO update(@Context SecurityContext sc, @PathParam("id") long id, ProposalEditDTO input) {
        return congress.update(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/seconders")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("邀请附议 Invite delegates to second")
    public ProposalDetailDTO invite(@Context SecurityContext sc, @PathParam("id") long id, MemberIdsDTO input) {
        return congress.invite(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/second")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("附议 Second a proposal")
    public ProposalDetailDTO second(@Context SecurityContext sc, @PathParam("id") long id) {
        return congress.second(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("提交提案 Submit (or resubmit) a proposal")
    public ProposalDetailDTO submit(@Context SecurityContext sc, @PathParam("id") long id) {
        return congress.submit(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/head-check")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("代表团团长审核 The delegation head's check")
    public ProposalDetailDTO headCheck(@Context SecurityContext sc, @PathParam("id") long id, HeadCheckDTO input) {
        return congress.headCheck(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("提案工作委员会审查 The committee's decision")
    public ProposalDetailDTO decide(@Context SecurityContext sc, @PathParam("id") long id, DecisionDTO input) {
        return congress.decide(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("承办单位答复 The lead department's answer")
    public ProposalDetailDTO answer(@Context SecurityContext sc, @PathParam("id") long id, AnswerDTO input) {
        return congress.answer(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/rating")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("评价答复 Rate the answer")
    public ProposalDetailDTO rate(@Context SecurityContext sc, @PathParam("id") long id, RatingEditDTO input) {
        return congress.rate(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/supervise")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("督办 Press an overdue answer")
    public ProposalDetailDTO supervise(@Context SecurityContext sc, @PathParam("id") long id) {
        return congress.supervise(UnionPrincipal.of(sc), id);
    }
}
