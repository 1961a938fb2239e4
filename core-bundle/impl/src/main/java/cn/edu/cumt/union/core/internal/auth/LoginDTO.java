package cn.edu.cumt.union.core.internal.auth;

import java.time.Instant;

/**
 * The answer to a successful login.
 *
 * @param token              the bearer token for {@code Authorization: Bearer ...}
 * @param expiresAt          when the session ends at the latest (it also ends when idle)
 * @param mustChangePassword whether the user must choose a new password now
 */
public record LoginDTO(String token, Instant expiresAt, boolean mustChangePassword) {
}
