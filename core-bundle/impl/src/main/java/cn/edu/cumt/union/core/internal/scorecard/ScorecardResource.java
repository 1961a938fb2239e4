package cn.edu.cumt.union.core.internal.scorecard;

import java.util.ArrayList;
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
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.table.Reports;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/**
 * {@code /api/scorecard}: the union administrator designs and publishes a year's scorecard; union and
 * unit administrators read it (a unit administrator only their own units' rows), as JSON, CSV or .xlsx.
 */
@Component(service = ScorecardResource.class)
@UnionResource
@Path("/scorecard")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ScorecardService scorecards;
    private final Tables tables;

    @Activate
    public ScorecardResource(@Reference ScorecardService scorecards, @Reference Tables tables) {
        this.scorecards = scorecards;
        this.tables = tables;
    }

    /** The year's scores and ranks; {@code format=csv|xlsx} downloads it as a table. */
    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XLSX })
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "年度考核得分与排名 The year's scores and ranks", entity = ScorecardDTO.class,
            files = { "text/csv", XLSX })
    public Response scorecard(@Context SecurityContext sc, @QueryParam("year") Integer year,
            @QueryParam("format") String format) {
        int checkedYear = Fields.year("year", year);
        TableFormat file = Reports.format(format);
        ScorecardDTO card = scorecards.scorecard(UnionPrincipal.of(sc), checkedYear);
        return Reports.response(tables, file, card, checkedYear + " 考核 Scorecard", header(card), () -> rows(card),
                "scorecard-" + checkedYear);
    }

    @GET
    @Path("/indicators")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    public IndicatorListDTO indicators() {
        return scorecards.indicators();
    }

    @GET
    @Path("/{year}/design")
    @RolesAllowed(Roles.UNION_ADMIN)
    public DesignDTO design(@PathParam("year") int year) {
        return scorecards.design(year);
    }

    @PUT
    @Path("/{year}/design")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    public DesignDTO saveDesign(@Context SecurityContext sc, @PathParam("year") int year, DesignInputDTO input) {
        return scorecards.saveDesign(UnionPrincipal.of(sc), year, input);
    }

    /** Stores the year's figures and scores for good; {@code acceptMissing=true} publishes despite missing figures. */
    @POST
    @Path("/{year}/publish")
    @RolesAllowed(Roles.UNION_ADMIN)
    public ScorecardDTO publish(@Context SecurityContext sc, @PathParam("year") int year,
            @QueryParam("acceptMissing") boolean acceptMissing) {
        return scorecards.publish(UnionPrincipal.of(sc), year, acceptMissing);
    }

    /** 排名, 单位代码, 单位, then per indicator its figure and points, then 总分. */
    static List<String> header(ScorecardDTO card) {
        List<String> header = new ArrayList<>(List.of("排名 Rank", "单位代码 Code", "单位 Unit"));
        for (ScorecardItemDTO item : card.indicators()) {
            String measure = item.unitOfMeasure().isEmpty() ? "" : "（" + item.unitOfMeasure() + "）";
            header.add(item.labelZh() + measure + " " + item.labelEn());
            header.add(item.labelZh() + " 得分 Points");
        }
        header.add("总分 Score");
        return header;
    }

    /** One text row per unit, under {@link #header}; a missing figure is an empty cell. */
    static List<List<String>> rows(ScorecardDTO card) {
        List<List<String>> rows = new ArrayList<>();
        for (ScorecardRowDTO row : card.rows()) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(row.rank()), row.unitCode(), row.unitName()));
            for (ScorecardCellDTO cell : row.cells()) {
                cells.add(cell.value() == null ? "" : cell.value().toPlainString());
                cells.add(cell.points().toPlainString());
            }
            cells.add(row.score().toPlainString());
            rows.add(cells);
        }
        return rows;
    }
}
