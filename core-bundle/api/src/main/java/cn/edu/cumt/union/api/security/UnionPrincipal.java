package cn.edu.cumt.union.api.security;

import java.security.Principal;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * The authenticated caller of a request. Immutable.
 *
 * @param accountId      the account's id
 * @param username       the login name: a staff number, or an operator's name such as {@code admin}
 * @param memberId       the member this account belongs to, or {@code null} for a pure operator
 * @param memberUnitId   the unit of that member, or {@code null}
 * @param roles          the roles held (see {@link Roles})
 * @param adminUnitIds   the units this account was granted {@link Roles#UNIT_ADMIN} on (their
 *                       sub-units are covered too)
 * @param sessionId      the login session the request belongs to
 */
public record UnionPrincipal(long accountId, String username, Long memberId, Long memberUnitId, Set<String> roles,
        Set<Long> adminUnitIds, String sessionId) implements Principal {

    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The caller of the current JAX-RS request.
     *
     * @throws ApiException 401 when the request is not authenticated
     */
    public static UnionPrincipal of(SecurityContext context) {
        Principal principal = context == null ? null : context.getUserPrincipal();
        if (principal instanceof UnionPrincipal union) {
            return union;
        }
        throw ApiException.unauthorized("auth.required", "请先登录", "Authentication required");
    }
}
