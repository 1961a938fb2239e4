package cn.edu.cumt.union.core.internal.auth;

import java.util.Optional;

import cn.edu.cumt.union.api.security.UnionPrincipal;

/** Turns a bearer token into the caller it stands for, if the token is valid and its session alive. */
public interface TokenAuthenticator {

    /**
     * @return the principal, or empty when the token is malformed, badly signed, expired, or its
     *         session ended (logout, password change, idle or absolute limit)
     */
    Optional<UnionPrincipal> authenticate(String bearerToken);
}
