package cn.edu.cumt.union.core.internal.auth;

import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.rest.AllowedBeforePasswordChange;
import cn.edu.cumt.union.core.internal.rest.BrowserSession;
import cn.edu.cumt.union.core.internal.rest.HttpSettings;
import cn.edu.cumt.union.core.internal.audit.RequestContext;
import cn.edu.cumt.union.core.internal.security.TokenAuthenticator;

/** Login, logout and changing one's own password; for the browser, the same through a session cookie. */
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
    private final TokenAuthenticator authenticator;
    private final HttpSettings http;

    @Activate
    public AuthResource(@Reference AccountService accounts, @Reference TokenAuthenticator authenticator,
            @Reference HttpSettings http) {
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.http = http;
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

    /**
     * The browser's login: the same checks, throttling and lockout as {@link #login}, but the token
     * goes into an HttpOnly cookie and the page gets the session's CSRF value instead.
     */
    @POST
    @Path("/session")
    @PermitAll
    @RestDoc(value = "浏览器登录（会话 Cookie） Log in from the browser (session cookie)", entity = SessionDTO.class, errors = { 423, 429 })
    public Response openSession(@Context HttpHeaders headers, @Context HttpServletRequest servlet, LoginRequest request) {
        boolean secure = secure(servlet);
        BrowserSession.checkOrigin(headers.getHeaderString("Origin"),
                BrowserSession.ownOrigin(secure, headers.getHeaderString(HttpHeaders.HOST)));
        LoginDTO login = login(request);
        String csrf = authenticator.authenticate(login.token())
                .map(caller -> authenticator.csrfToken(caller.principal().sessionId()))
                .orElseThrow(() -> new IllegalStateException("a session just opened does not authenticate"));
        Response.ResponseBuilder answer = Response.ok(new SessionDTO(login.mustChangePassword(), login.expiresAt(), csrf));
        BrowserSession.openingCookies(login.token(), csrf, secure).forEach(c -> answer.header(HttpHeaders.SET_COOKIE, c));
        return answer.build();
    }

    /** Ends the browser's session, if it still has one, and clears its cookies in any case. */
    @DELETE
    @Path("/session")
    @PermitAll
    @AllowedBeforePasswordChange
    @RestDoc(value = "浏览器退出登录 Log out from the browser", status = 204, notErrors = { 400, 404, 409 })
    public Response closeSession(@Context SecurityContext sc, @Context HttpServletRequest servlet) {
        if (sc.getUserPrincipal() instanceof UnionPrincipal caller) {
            accounts.logout(caller);
        }
        Response.ResponseBuilder answer = Response.noContent();
        BrowserSession.clearingCookies(secure(servlet)).forEach(c -> answer.header(HttpHeaders.SET_COOKIE, c));
        return answer.build();
    }

    private boolean secure(HttpServletRequest servlet) {
        return BrowserSession.isHttps(servlet, http.limits().trustedProxies());
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
