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

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.table.Reports;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/** The funds: income, balances, and the year's help per unit with small cells suppressed. */
@Component(service = FundResource.class)
@UnionResource
@Path("/funds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FundResource {

    private final HardshipService hardship;
    private final Tables tables;

    @Activate
    public FundResource(@Reference HardshipService hardship, @Reference Tables tables) {
        this.hardship = hardship;
        this.tables = tables;
    }

    @POST
    @Path("/{fund}/income")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc(value = "登记资金拨入 Record money received into a fund", status = 201, entity = FundIncomeDTO.class)
    public Response income(@Context SecurityContext sc, @PathParam("fund") String fund, FundIncomeEditDTO input) {
        Fund which = Fields.option("fund", fund, Fund.class);
        if (which == null) {
            throw ApiException.missingField("fund");
        }
        return Response.status(Response.Status.CREATED).entity(hardship.addIncome(UnionPrincipal.of(sc), which, input))
                .build();
    }

    @GET
    @Path("/report")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "资金余额与各单位年度帮扶（小于5不显示）Fund balances and the year's help per unit, counts below 5 hidden",
            entity = FundReportDTO.class, files = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    public Response report(@Context SecurityContext sc,
            @QueryParam("year") @QueryDoc(type = "integer", min = Fields.MIN_YEAR, max = Fields.MAX_YEAR, required = true) String year,
            @QueryParam("format") @QueryDoc(type = "string", values = { "json", "csv", "xlsx" }) String format) {
        TableFormat file = Reports.format(format);
        int y = HardshipResource.requiredYear(year);
        FundReportDTO report = hardship.report(UnionPrincipal.of(sc), y);
        return Reports.response(tables, file, report, "帮扶资金", HardshipService.REPORT_HEADER,
                () -> HardshipService.reportRows(report), "welfare-funds-" + y);
    }
}
