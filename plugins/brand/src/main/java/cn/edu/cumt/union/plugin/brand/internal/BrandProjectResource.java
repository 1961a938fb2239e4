package cn.edu.cumt.union.plugin.brand.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

/** 一会一品 projects over HTTP: application, review and progress; the rules live in {@link BrandService}. */
@Component(service = BrandProjectResource.class)
@UnionResource
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BrandProjectResource {

    private final BrandService brand;

    @Activate
    public BrandProjectResource(@Reference BrandService brand) {
        this.brand = brand;
    }

    @POST
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "申报项目 Apply for a project", status = 201, entity = BrandProjectDetailDTO.class)
    public Response apply(@Context SecurityContext sc, BrandProjectEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(brand.apply(UnionPrincipal.of(sc), input)).build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("项目列表 List projects")
    public PageDTO<BrandProjectDTO> list(@Context SecurityContext sc, @QueryParam("year") @QueryDoc(type = "integer", min = Fields.MIN_YEAR, max = Fields.MAX_YEAR) String year,
            @QueryParam("unitId") Long unitId, @QueryParam("status") String status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return brand.list(UnionPrincipal.of(sc), BrandInputs.year(year), unitId, Fields.option("status", status, BrandStatus.class),
                Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("项目详情 A project")
    public BrandProjectDetailDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return brand.get(UnionPrincipal.of(sc), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("修改申报 Update an application")
    public BrandProjectDetailDTO update(@Context SecurityContext sc, @PathParam("id") long id,
            BrandProjectEditDTO input) {
        return brand.update(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("撤回申报 Withdraw an application")
    public BrandProjectDetailDTO withdraw(@Context SecurityContext sc, @PathParam("id") long id) {
        return brand.withdraw(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/resubmit")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("重新提交申报 Resubmit an application")
    public BrandProjectDetailDTO resubmit(@Context SecurityContext sc, @PathParam("id") long id) {
        return brand.resubmit(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("评审项目 Review a project")
    public BrandProjectDetailDTO review(@Context SecurityContext sc, @PathParam("id") long id, ReviewDTO input) {
        return brand.review(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/reassign")
    @RolesAllowed(Roles.UNION_ADMIN)
    public BrandProjectDetailDTO reassign(@Context SecurityContext sc, @PathParam("id") long id, ReassignDTO input) {
        return brand.reassign(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/milestones")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "添加里程碑 Add a milestone", status = 201, entity = BrandProjectDetailDTO.class)
    public Response addMilestone(@Context SecurityContext sc, @PathParam("id") long id, MilestoneEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(brand.addMilestone(UnionPrincipal.of(sc), id, input))
                .build();
    }

    @PUT
    @Path("/{id}/milestones/{milestoneId}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("修改里程碑 Update a milestone")
    public BrandProjectDetailDTO updateMilestone(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("milestoneId") long milestoneId, MilestoneEditDTO input) {
        return brand.updateMilestone(UnionPrincipal.of(sc), id, milestoneId, input);
    }

    @DELETE
    @Path("/{id}/milestones/{milestoneId}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("删除里程碑 Delete a milestone")
    public BrandProjectDetailDTO deleteMilestone(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("milestoneId") long milestoneId) {
        return brand.deleteMilestone(UnionPrincipal.of(sc), id, milestoneId);
    }

    @POST
    @Path("/{id}/disbursements")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc(value = "登记拨款 Record a disbursement", status = 201, entity = BrandProjectDetailDTO.class)
    public Response disburse(@Context SecurityContext sc, @PathParam("id") long id, DisbursementEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(brand.disburse(UnionPrincipal.of(sc), id, input))
                .build();
    }

    @PUT
    @Path("/{id}/inspection")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("登记检查 Record an inspection")
    public BrandProjectDetailDTO inspect(@Context SecurityContext sc, @PathParam("id") long id,
            InspectionEditDTO input) {
        return brand.inspect(UnionPrincipal.of(sc), id, input);
    }

    @PUT
    @Path("/{id}/evaluation")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("评估项目 Evaluate a project")
    public BrandProjectDetailDTO evaluate(@Context SecurityContext sc, @PathParam("id") long id,
            EvaluationEditDTO input) {
        return brand.evaluate(UnionPrincipal.of(sc), id, input);
    }
}
