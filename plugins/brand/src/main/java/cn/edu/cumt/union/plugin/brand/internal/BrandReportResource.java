package cn.edu.cumt.union.plugin.brand.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
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

/** The yearly report (一会一品年度汇总) as JSON, or as a file through the core's {@link Tables}. */
@Component(service = BrandReportResource.class)
@UnionResource
@Path("/report")
public class BrandReportResource {

    private final BrandService brand;
    private final Tables tables;

    @Activate
    public BrandReportResource(@Reference BrandService brand, @Reference Tables tables) {
        this.brand = brand;
        this.tables = tables;
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @RestDoc(value = "一会一品年度报表 Yearly brand report", entity = BrandReportDTO.class, files = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    public Response report(@Context SecurityContext sc, @QueryParam("year") @QueryDoc(type = "integer", required = true, min = Fields.MIN_YEAR, max = Fields.MAX_YEAR) String year,
            @QueryParam("format") @QueryDoc(values = { "json", "csv", "xlsx" }) String format) {
        Integer reportYear = BrandInputs.year(year);
        if (reportYear == null) {
            throw ApiException.missingField("year");
        }
        TableFormat file = Reports.format(format);
        BrandReportDTO report = brand.report(UnionPrincipal.of(sc), reportYear);
        return Reports.response(tables, file, report, "一会一品" + reportYear, BrandService.REPORT_HEADER,
                () -> BrandService.reportRows(report), "brand-report-" + reportYear);
    }
}
