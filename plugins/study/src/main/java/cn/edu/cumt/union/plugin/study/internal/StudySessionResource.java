package cn.edu.cumt.union.plugin.study.internal;

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

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** Study sessions, check-in and attendance over HTTP; the rules live in {@link StudyService}. */
@Component(service = StudySessionResource.class)
@UnionResource
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StudySessionResource {

    private final StudyService study;

    @Activate
    public StudySessionResource(@Reference StudyService study) {
        this.study = study;
    }

    @POST
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "新建学习场次 Create a study session", status = 201, entity = StudySessionDTO.class)
    public Response create(@Context SecurityContext sc, StudySessionEditDTO input) {
        return Response.status(Response.Status.CREATED).entity(study.create(UnionPrincipal.of(sc), input)).build();
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("学习场次列表 List study sessions")
    public PageDTO<StudySessionDTO> list(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return study.list(UnionPrincipal.of(sc), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("我的学习场次 My study sessions")
    public PageDTO<MySessionDTO> mine(@Context SecurityContext sc, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return study.mine(UnionPrincipal.of(sc), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("学习场次详情 A study session")
    public StudySessionDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return study.get(UnionPrincipal.of(sc), id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("修改学习场次 Update a study session")
    public StudySessionDTO update(@Context SecurityContext sc, @PathParam("id") long id, StudySessionEditDTO input) {
        return study.update(UnionPrincipal.of(sc), id, input);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "删除学习场次 Delete a study session", status = 204)
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
        study.delete(UnionPrincipal.of(sc), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/code")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("签到码 The check-in code")
    public CheckInCodeDTO code(@Context SecurityContext sc, @PathParam("id") long id) {
        return study.code(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc(value = "签到 Check in", errors = 429)
    public AttendanceDTO checkIn(@Context SecurityContext sc, @PathParam("id") long id, CheckInDTO input) {
        if (input == null) {
            throw ApiException.missingField("code");
        }
        return study.checkIn(UnionPrincipal.of(sc), id, input.code());
    }

    @PUT
    @Path("/{id}/attendance")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("登记出勤 Record attendance")
    public AttendanceSheetDTO recordAttendance(@Context SecurityContext sc, @PathParam("id") long id,
            MemberIdsDTO input) {
        return study.recordAttendance(UnionPrincipal.of(sc), id, input);
    }

    @GET
    @Path("/{id}/attendance")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("出勤表 The attendance sheet")
    public AttendanceSheetDTO attendance(@Context SecurityContext sc, @PathParam("id") long id) {
        return study.attendanceSheet(UnionPrincipal.of(sc), id);
    }
}
