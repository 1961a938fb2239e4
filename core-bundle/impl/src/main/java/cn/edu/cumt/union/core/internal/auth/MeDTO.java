package cn.edu.cumt.union.core.internal.auth;

import java.util.List;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * Who the caller is, for the user interface.
 *
 * @param username           the login name
 * @param roles              the roles held, implied ones included, sorted
 * @param adminUnitIds       the units granted {@code unit-admin} on (sub-units are covered too), sorted
 * @param member             the caller's member record, or {@code null} for an account with no member
 * @param mustChangePassword whether the user must choose a new password now
 */
public record MeDTO(String username, List<String> roles, List<Long> adminUnitIds, @Nullable MemberDTO member,
        boolean mustChangePassword) {
}
