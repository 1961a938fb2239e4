package cn.edu.cumt.union.core.internal.security;

import java.util.Optional;

/** Turns a bearer token into the caller it stands for, if the token is valid and its session alive. */
public interface TokenAuthenticator {

    /**
     * @return the caller and their account's password state, or empty when the token is malformed,
     *         badly signed, expired, or its session ended (logout, password change, idle or absolute limit)
     */
    Optional<Authentication> authenticate(String bearerToken);

    /**
     * @return the CSRF value of a browser session: derived from the session id with the signing key,
     *         so that it is never stored and is worth nothing for another session
     */
    String csrfToken(String sessionId);
}
