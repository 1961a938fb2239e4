package cn.edu.cumt.union.core.internal.auth;

import java.time.Instant;

/**
 * The answer to a browser login: the token itself is only in the HttpOnly cookie.
 *
 * @param mustChangePassword whether the user must choose a new password now
 * @param expiresAt          when the session ends at the latest (it also ends when idle)
 * @param csrfToken          the value to send as {@code X-CSRF-Token} with every state-changing request
 */
public record SessionDTO(boolean mustChangePassword, Instant expiresAt, String csrfToken) {
}
