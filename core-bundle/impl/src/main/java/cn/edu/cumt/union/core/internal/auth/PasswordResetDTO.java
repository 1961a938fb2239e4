package cn.edu.cumt.union.core.internal.auth;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * The result of an administrator's password reset.
 *
 * @param password           the generated one-time password, shown once; {@code null} when the
 *                           administrator chose the password
 * @param mustChangePassword whether the user must change it at the next login
 */
public record PasswordResetDTO(@Nullable String password, boolean mustChangePassword) {
}
