package cn.edu.cumt.union.core.internal.rest;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.UnionRest;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.audit.RequestContext;
import cn.edu.cumt.union.core.internal.security.Authentication;
import cn.edu.cumt.union.core.internal.security.TokenAuthenticator;

/**
 * The security gate every resource method of every bundle passes: it authenticates the bearer
 * token, or without one the browser session's cookie with its CSRF proof ({@link BrowserSession}), holds back sessions that must change their password ({@link PasswordChangeRule}), then
 * applies the method's {@link AccessRule} (deny by default). Registered per method
 * through a {@link DynamicFeature}, so a plugin's resources are guarded the moment they join.
 */
@Component(service = DynamicFeature.class, property = {
        "osgi.jaxrs.extension=true",
        "osgi.jaxrs.name=" + RequestGuard.NAME,
        "osgi.jaxrs.application.select=" + UnionRest.APPLICATION_FILTER })
public class RequestGuard implements DynamicFeature {

    static final String NAME = "union.guard";

    private final TokenAuthenticator authenticator;
    private final AuditLog audit;
    /** Its limits change in place (etc/cn.edu.cumt.union.http.cfg); this guard's service properties never do. */
    private final HttpSettings http;

    @Activate
    public RequestGuard(@Reference TokenAuthenticator authenticator, @Reference AuditLog audit,
            @Reference HttpSettings http) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.http = http;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        AccessRule rule = AccessRule.of(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        PasswordChangeRule passwordChange = PasswordChangeRule.of(resourceInfo.getResourceMethod());
        String target = resourceInfo.getResourceClass().getSimpleName() + "." + resourceInfo.getResourceMethod().getName();
        context.register(new Gate(rule, passwordChange, target));
    }

    /** One per resource method; stateless apart from the rule, so shared by all request threads. */
    @Priority(Priorities.AUTHENTICATION)
    final class Gate implements ContainerRequestFilter, ContainerResponseFilter {

        private final AccessRule rule;
        private final PasswordChangeRule passwordChange;
        private final String target;

        @Context
        private HttpServletRequest servletRequest;

        Gate(AccessRule rule, PasswordChangeRule passwordChange, String target) {
            this.rule = rule;
            this.passwordChange = passwordChange;
            this.target = target;
        }

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            RequestContext.beginRequest(clientAddress());
            long maxBodyBytes = http.limits().maxBodyBytes();
            if (request.getLength() > maxBodyBytes) {
                // refused before a byte is read; a chunked body is counted as it is read (BodyLimit)
                throw BodyLimit.tooLarge(maxBodyBytes);
            }
            UnionPrincipal caller = passwordChange.admit(authenticate(request), rule);
            if (caller != null) {
                RequestContext.authenticated(caller);
                request.setSecurityContext(new UnionSecurityContext(caller, request.getSecurityContext().isSecure()));
            }
            if (rule.allows(caller)) {
                return;
            }
            if (caller == null) {
                throw ApiException.unauthorized("auth.required", "请先登录", "Authentication required");
            }
            audit.denied("access.denied", "Endpoint", target, request.getMethod() + " " + request.getUriInfo().getPath());
            throw ApiException.forbidden("auth.forbidden", "无权执行此操作", "You are not allowed to do this");
        }

        private Authentication authenticate(ContainerRequestContext request) {
            String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            if (header == null) {
                return fromCookie(request);
            }
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            return valid(authenticator.authenticate(header.substring(7).trim()));
        }

        /** The browser session: the cookie's token, and for a state-changing method the CSRF proof. */
        private Authentication fromCookie(ContainerRequestContext request) {
            Cookie cookie = request.getCookies().get(BrowserSession.SESSION_COOKIE);
            if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                return null;
            }
            Authentication caller = valid(authenticator.authenticate(cookie.getValue()));
            if (caller != null && BrowserSession.changesState(request.getMethod())) {
                String own = BrowserSession.ownOrigin(BrowserSession.isHttps(servletRequest, http.limits().trustedProxies()),
                        request.getHeaderString(HttpHeaders.HOST));
                try {
                    BrowserSession.checkProof(authenticator.csrfToken(caller.principal().sessionId()),
                            request.getHeaderString(BrowserSession.CSRF_HEADER), request.getHeaderString("Origin"), own);
                } catch (ApiException refused) {
                    audit.denied("auth.csrf", "Endpoint", target, request.getMethod() + " " + request.getUriInfo().getPath());
                    throw refused;
                }
            }
            return caller;
        }

        private Authentication valid(Optional<Authentication> caller) {
            if (caller.isEmpty() && rule.needsAuthentication()) {
                throw ApiException.unauthorized("auth.invalid-token", "登录已失效，请重新登录",
                        "The token is invalid or expired; log in again");
            }
            return caller.orElse(null);
        }

        private String clientAddress() {
            try {
                return servletRequest == null ? "unknown"
                        : http.limits().trustedProxies().clientOf(servletRequest.getRemoteAddr(),
                                servletRequest.getHeaders(TrustedProxies.HEADER));
            } catch (RuntimeException outsideRequest) {
                return "unknown";
            }
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            RequestContext.clear();
        }
    }

    /** The JAX-RS view of an authenticated caller. */
    record UnionSecurityContext(UnionPrincipal caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
