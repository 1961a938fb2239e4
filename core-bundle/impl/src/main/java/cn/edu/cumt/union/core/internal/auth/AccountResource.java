package cn.edu.cumt.union.core.internal.auth;

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
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Nullable;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/**
 * Account administration. Every method re-checks scope in {@link AccountAdminService}: a unit
 * administrator reaches only accounts of members of their units.
 */
@Component(service = AccountResource.class)
@UnionResource
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    public record MemberAccountRequest(Long memberId) {
    }

    public record OperatorRequest(String username) {
    }

    /** Both optional: no password means a random one-time password; must-change defaults to true. */
    public record PasswordResetRequest(@Nullable String password, @Nullable Boolean mustChangePassword) {
    }

    public record RoleRequest(String role, @Nullable Long unitId) {
    }

    private final AccountAdminService admin;
    private final Tables tables;

    @Activate
    public AccountResource(@Reference AccountAdminService admin, @Reference Tables tables) {
        this.admin = admin;
        this.tables = tables;
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("账号列表 List accounts")
    public PageDTO<AccountDTO> list(@Context SecurityContext sc, @QueryParam("q") String prefix,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        String query = prefix == null || prefix.isBlank() ? null
                : Inputs.required("q", prefix, AuthResource.MAX_USERNAME).strip();
        return admin.list(UnionPrincipal.of(sc), query, Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("账号详情 An account")
    public AccountDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return admin.get(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/members")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "为会员开通账号 Open an account for a member", status = 201, entity = AccountDTO.class)
    public Response createForMember(@Context SecurityContext sc, MemberAccountRequest request) {
        Inputs.body(request);
        if (request.memberId() == null) {
            throw ApiException.missingField("memberId");
        }
        AccountDTO created = admin.createForMember(UnionPrincipal.of(sc), request.memberId());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int DEFAULT_UNIT_BATCH = 100;

    @POST
    @Path("/units/{unitId}/members")
    @Produces({ XLSX, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "为单位会员批量开通账号（附一次性密码表） Open accounts for a unit's members, one-time passwords as .xlsx",
            files = { XLSX })
    public Response createForUnit(@Context SecurityContext sc, @PathParam("unitId") long unitId,
            @QueryParam("limit") Integer limit) {
        AccountAdminService.UnitAccounts result = admin.createForUnit(UnionPrincipal.of(sc), unitId,
                limit == null ? DEFAULT_UNIT_BATCH : limit);
        List<List<String>> rows = result.issued().stream()
                .map(a -> java.util.Arrays.asList(a.staffNo(), a.name(), a.unitName(), a.password())).toList();
        StreamingOutput output = out -> tables.write(TableFormat.XLSX, "初始密码 Passwords", UNIT_HEADER, rows, out);
        return Response.ok(output, XLSX)
                .header("Content-Disposition", "attachment; filename=\"accounts-unit-" + unitId + ".xlsx\"")
                .header("Cache-Control", "no-store")
                .header(CREATED_HEADER, result.issued().size())
                .header(REMAINING_HEADER, result.remaining())
                .header(TAKEN_HEADER, result.taken())
                .build();
    }

    static final List<String> UNIT_HEADER = List.of("工号 Staff no.", "姓名 Name", "单位 Unit", "初始密码 Initial password");
    static final String CREATED_HEADER = "X-Accounts-Created";
    static final String REMAINING_HEADER = "X-Accounts-Remaining";
    static final String TAKEN_HEADER = "X-Accounts-Username-Taken";

    @POST
    @Path("/operators")
    @RolesAllowed(Roles.OPERATOR)
    @RestDoc(value = "新建运维账号 Create an operator account", status = 201, entity = AccountDTO.class)
    public Response createOperator(@Context SecurityContext sc, OperatorRequest request) {
        Inputs.body(request);
        String username = Inputs.required("username", request.username(), AuthResource.MAX_USERNAME).strip();
        AccountDTO created = admin.createOperator(UnionPrincipal.of(sc), username);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("/{id}/password")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("重置密码 Reset an account's password")
    public PasswordResetDTO resetPassword(@Context SecurityContext sc, @PathParam("id") long id,
            PasswordResetRequest request) {
        PasswordResetRequest body = request == null ? new PasswordResetRequest(null, null) : request;
        String password = body.password() == null ? null : Inputs.password("password", body.password());
        boolean mustChange = body.mustChangePassword() == null || body.mustChangePassword();
        return admin.resetPassword(UnionPrincipal.of(sc), id, password, mustChange);
    }

    @POST
    @Path("/{id}/unlock")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("解除锁定 Unlock an account")
    public AccountDTO unlock(@Context SecurityContext sc, @PathParam("id") long id) {
        return admin.unlock(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/roles")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("授予角色 Grant a role")
    public AccountDTO grant(@Context SecurityContext sc, @PathParam("id") long id, RoleRequest request) {
        Inputs.body(request);
        return admin.grant(UnionPrincipal.of(sc), id, Inputs.required("role", request.role(), 32), request.unitId());
    }

    @DELETE
    @Path("/{id}/roles")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("撤销角色 Revoke a role")
    public AccountDTO revoke(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("role") @QueryDoc(required = true) String role,
            @QueryParam("unitId") Long unitId) {
        return admin.revoke(UnionPrincipal.of(sc), id, Inputs.required("role", role, 32), unitId);
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed({ Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("启用账号 Enable an account")
    public AccountDTO enable(@Context SecurityContext sc, @PathParam("id") long id) {
        return admin.setEnabled(UnionPrincipal.of(sc), id, true);
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed({ Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("停用账号 Disable an account")
    public AccountDTO disable(@Context SecurityContext sc, @PathParam("id") long id) {
        return admin.setEnabled(UnionPrincipal.of(sc), id, false);
    }
}
