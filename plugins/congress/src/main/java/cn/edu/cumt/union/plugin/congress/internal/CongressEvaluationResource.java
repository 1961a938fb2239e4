package cn.edu.cumt.union.plugin.congress.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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

import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.table.Reports;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/** 二级教代会考评 over HTTP: the sheet, the scores, the ranking; the rules live in {@link CongressEvaluationService}. */
@Component(service = CongressEvaluationResource.class)
@UnionResource
@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CongressEvaluationResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CongressEvaluationService evaluations;
    private final Tables tables;

    @Activate
    public CongressEvaluationResource(@Reference CongressEvaluationService evaluations, @Reference Tables tables) {
        this.evaluations = evaluations;
        this.tables = tables;
    }

    @PUT
    @Path("/{year}/sheet")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("制定考评表 Define the year's scoring sheet")
    public SheetDTO putSheet(@Context SecurityContext sc, @PathParam("year") String year, SheetEditDTO input) {
        return evaluations.putSheet(UnionPrincipal.of(sc), CongressInputs.year(year), input);
    }

    @GET
    @Path("/{year}/sheet")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("考评表 The year's scoring sheet")
    public SheetDTO sheet(@PathParam("year") String year) {
        return evaluations.getSheet(CongressInputs.year(year));
    }

    @PUT
    @Path("/{year}/units/{unitId}")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("录入单位得分 Enter a unit's scores")
    public EvaluationRowDTO score(@Context SecurityContext sc, @PathParam("year") String year,
            @PathParam("unitId") long unitId, ScoresEditDTO input) {
        return evaluations.score(UnionPrincipal.of(sc), CongressInputs.year(year), unitId, input);
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XLSX })
    @RestDoc(value = "考评结果与排名 The year's totals and ranking", entity = EvaluationDTO.class, files = { "text/csv", XLSX })
    public Response evaluation(@Context SecurityContext sc, @PathParam("year") String year,
            @QueryParam("format") @QueryDoc(values = { "json", "csv", "xlsx" }) String format) {
        int y = CongressInputs.year(year);
        TableFormat file = Reports.format(format);
        EvaluationDTO evaluation = evaluations.evaluation(UnionPrincipal.of(sc), y);
        return Reports.response(tables, file, evaluation, "二级教代会考评" + y, CongressEvaluationService.header(evaluation),
                () -> CongressEvaluationService.rows(evaluation), "congress-evaluation-" + y);
    }
}
