package cn.edu.cumt.union.core.internal.auth;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A role an account holds.
 *
 * @param role   {@code unit-admin}, {@code union-admin} or {@code operator}
 * @param unitId the unit of a {@code unit-admin} grant, else {@code null}
 */
public record RoleGrantDTO(String role, @Nullable Long unitId) {
}
