package cn.edu.cumt.union.core.internal.auth;

import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.rest.AllowedBeforePasswordChange;
import cn.edu.cumt.union.core.internal.rest.RequestContext;

/** Login, logout and changing one's own password. */
@Component(service = AuthResource.class)
@UnionResource
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Login names are at most 64 characters (the column's width). */
    static final int MAX_USERNAME = 64;

    public record LoginRequest(String username, String password) {
    }

    public record PasswordChangeRequest(String oldPassword, String newPassword) {
    }

    private final AccountService accounts;

    @Activate
    public AuthResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @Path("/login")
    @PermitAll
    @RestDoc(value = "登录 Log in", errors = 423)
    public LoginDTO login(LoginRequest request) {
        Inputs.body(request);
        String username = Inputs.required("username", request.username(), MAX_USERNAME).strip();
        String password = Inputs.password("password", request.password());
        return accounts.login(username, password, RequestContext.current().source());
    }

    @POST
    @Path("/logout")
    @AllowedBeforePasswordChange
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "退出登录 Log out", notErrors = 409)
    public Map<String, Boolean> logout(@Context SecurityContext sc) {
        accounts.logout(UnionPrincipal.of(sc));
        return Map.of("loggedOut", true);
    }

    @POST
    @Path("/password")
    @AllowedBeforePasswordChange
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "修改本人密码 Change your own password", notErrors = 409)
    public Map<String, Boolean> changePassword(@Context SecurityContext sc, PasswordChangeRequest request) {
        Inputs.body(request);
        String oldPassword = Inputs.password("oldPassword", request.oldPassword());
        String newPassword = Inputs.password("newPassword", request.newPassword());
        accounts.changePassword(UnionPrincipal.of(sc), oldPassword, newPassword);
        return Map.of("changed", true);
    }
}
