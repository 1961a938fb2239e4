package cn.edu.cumt.union.plugin.congress.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

/** Congress sessions, their delegates and statistics over HTTP; the rules live in {@link CongressService}. */
@Component(service = CongressSessionResource.class)
@UnionResource
@Path("/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CongressSessionResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CongressService congress;
    private final Tables tables;

    @Activate
    public CongressSessionResource(@Reference CongressService congress, @Reference Tables tables) {
        this.congress = congress;
        this.tables = tables;
    }

    @POST
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc(value = "新建会议 Create a congress session", status = 201, entity = SessionDTO.class)
    public Response create(@Context SecurityContext sc, SessionEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(congress.createSession(UnionPrincipal.of(sc), input))
                .build();
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("会议列表 List congress sessions")
    public PageDTO<SessionDTO> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return congress.sessions(Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("会议详情 A congress session")
    public SessionDTO get(@PathParam("id") long id) {
        return congress.getSession(id);
    }

    @GET
    @Path("/{id}/delegates")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("代表名单 The session's delegates")
    public List<DelegateDTO> delegates(@PathParam("id") long id) {
        return congress.delegates(id);
    }

    @POST
    @Path("/{id}/delegates")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("添加代表 Add delegates")
    public List<DelegateDTO> addDelegates(@Context SecurityContext sc, @PathParam("id") long id, MemberIdsDTO input) {
        return congress.addDelegates(UnionPrincipal.of(sc), id, input);
    }

    @DELETE
    @Path("/{id}/delegates/{memberId}")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("移除代表 Remove a delegate")
    public void removeDelegate(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("memberId") long memberId) {
        congress.removeDelegate(UnionPrincipal.of(sc), id, memberId);
    }

    @GET
    @Path("/{id}/statistics")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XLSX })
    @RestDoc(value = "提案统计 Proposal statistics of a session", entity = StatisticsDTO.class, files = { "text/csv", XLSX })
    public Response statistics(@PathParam("id") long id,
            @QueryParam("format") @QueryDoc(values = { "json", "csv", "xlsx" }) String format) {
        TableFormat file = Reports.format(format);
        StatisticsDTO statistics = congress.statistics(id);
        return Reports.response(tables, file, statistics, "提案统计", CongressService.STATISTICS_HEADER,
                () -> CongressService.statisticsRows(statistics), "congress-statistics-" + id);
    }
}
