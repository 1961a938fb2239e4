package cn.edu.cumt.union.plugin.study.internal;

import java.time.LocalDate;

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

import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.table.Reports;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/** Completion per unit (学习完成情况) as JSON, or as a file through the core's {@link Tables}. */
@Component(service = StudyReportResource.class)
@UnionResource
@Path("/report")
public class StudyReportResource {

    private final StudyService study;
    private final Tables tables;

    @Activate
    public StudyReportResource(@Reference StudyService study, @Reference Tables tables) {
        this.study = study;
        this.tables = tables;
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @RestDoc(value = "学习出勤报表 Study attendance report", entity = StudyReportDTO.class, files = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    public Response report(@Context SecurityContext sc, @QueryParam("from") @QueryDoc(format = "date") String from,
            @QueryParam("to") @QueryDoc(format = "date") String to,
            @QueryParam("format") @QueryDoc(values = { "json", "csv", "xlsx" }) String format) {
        LocalDate fromDate = Fields.date("from", from);
        LocalDate toDate = Fields.date("to", to);
        TableFormat file = Reports.format(format);
        StudyReportDTO report = study.report(UnionPrincipal.of(sc), fromDate, toDate);
        return Reports.response(tables, file, report, "学习完成情况", StudyService.REPORT_HEADER,
                () -> StudyService.reportRows(report), "study-report-" + fromDate + "_" + toDate);
    }
}
