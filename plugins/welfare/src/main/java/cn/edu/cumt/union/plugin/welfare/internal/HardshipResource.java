package cn.edu.cumt.union.plugin.welfare.internal;

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

import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.table.Reports;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/** 困难帮扶 applications over HTTP; the rules (and the privacy) live in {@link HardshipService}. */
@Component(service = HardshipResource.class)
@UnionResource
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HardshipResource {

    private final HardshipService hardship;
    private final Tables tables;

    @Activate
    public HardshipResource(@Reference HardshipService hardship, @Reference Tables tables) {
        this.hardship = hardship;
        this.tables = tables;
    }

    @POST
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "申请困难帮扶 Apply for hardship help", status = 201, entity = HardshipDetailDTO.class)
    public Response apply(@Context SecurityContext sc, HardshipApplyDTO input) {
        return Response.status(Response.Status.CREATED).entity(hardship.apply(UnionPrincipal.of(sc), input)).build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("帮扶申请列表（本人或所管单位）Applications I may see")
    public PageDTO<HardshipCaseDTO> list(@Context SecurityContext sc, @QueryParam("fund") String fund,
            @QueryParam("state") String state,
            @QueryParam("year") @QueryDoc(type = "integer", min = Fields.MIN_YEAR, max = Fields.MAX_YEAR) String year,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return hardship.list(UnionPrincipal.of(sc), Fields.option("fund", fund, Fund.class),
                Fields.option("state", state, CaseState.class), optionalYear(year), Paging.offset(offset),
                Paging.limit(limit));
    }

    @GET
    @Path("/export")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "导出帮扶申请（身份证号、手机号脱敏）Export applications, ID and phone numbers masked",
            files = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    public Response export(@Context SecurityContext sc,
            @QueryParam("year") @QueryDoc(type = "integer", min = Fields.MIN_YEAR, max = Fields.MAX_YEAR, required = true) String year,
            @QueryParam("format") @QueryDoc(type = "string", values = { "csv", "xlsx" }) String format) {
        TableFormat file = format == null || format.isBlank() ? TableFormat.XLSX : Reports.format(format);
        if (file == null) {
            throw ApiException.invalidField("format", "应为 xlsx 或 csv", "must be xlsx or csv");
        }
        int y = requiredYear(year);
        var rows = hardship.exportRows(UnionPrincipal.of(sc), y);
        return Reports.response(tables, file, null, "帮扶申请", HardshipService.EXPORT_HEADER, () -> rows,
                "welfare-cases-" + y);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("帮扶申请详情 An application")
    public HardshipDetailDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return hardship.get(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("审核帮扶申请 Review an application")
    public HardshipDetailDTO review(@Context SecurityContext sc, @PathParam("id") long id, HardshipReviewDTO input) {
        return hardship.review(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/resubmit")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("重新提交帮扶申请 Resubmit a returned application")
    public HardshipDetailDTO resubmit(@Context SecurityContext sc, @PathParam("id") long id, HardshipResubmitDTO input) {
        return hardship.resubmit(UnionPrincipal.of(sc), id, input);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("撤回帮扶申请 Withdraw an application")
    public HardshipDetailDTO withdraw(@Context SecurityContext sc, @PathParam("id") long id) {
        return hardship.withdraw(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/payment")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("登记发放 Record the payment")
    public HardshipDetailDTO pay(@Context SecurityContext sc, @PathParam("id") long id, PaymentDTO input) {
        return hardship.pay(UnionPrincipal.of(sc), id, input);
    }

    static Integer optionalYear(String year) {
        return year == null || year.isBlank() ? null : requiredYear(year);
    }

    static int requiredYear(String year) {
        if (year == null || year.isBlank()) {
            throw ApiException.missingField("year");
        }
        try {
            return Fields.year("year", Integer.valueOf(year.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("year", "应为年份", "must be a year");
        }
    }
}
