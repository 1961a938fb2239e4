package cn.edu.cumt.union.core.internal.auth;

import java.time.Instant;
import java.util.List;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * An account as administrators see it; never a password or its hash.
 *
 * @param id                 the account's id
 * @param username           the login name (a member's staff number, or an operator's name)
 * @param memberId           the member it belongs to, or {@code null}
 * @param enabled            whether it may log in at all
 * @param passwordSet        whether a password was ever set (without one nobody can log in)
 * @param mustChangePassword whether the next login must choose a new password
 * @param failedLogins       failed logins in a row
 * @param lockedUntil        until when it is locked after failed logins, or {@code null}
 * @param createdAt          when it was created
 * @param grants             roles granted (the member role is implied by {@code memberId})
 */
public record AccountDTO(long id, String username, @Nullable Long memberId, boolean enabled, boolean passwordSet,
        boolean mustChangePassword, int failedLogins, @Nullable Instant lockedUntil, Instant createdAt,
        List<RoleGrantDTO> grants) {
}
