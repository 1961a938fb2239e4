package cn.edu.cumt.union.core.internal.security;

import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * What the request guard learns from a valid token: the caller, and whether their account must
 * choose a new password before doing anything else.
 *
 * @param principal          the caller
 * @param mustChangePassword whether the account must change its password (first login, reset)
 */
public record Authentication(UnionPrincipal principal, boolean mustChangePassword) {
}
