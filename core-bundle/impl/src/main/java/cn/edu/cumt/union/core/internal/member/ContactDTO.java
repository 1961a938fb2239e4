package cn.edu.cumt.union.core.internal.member;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A member's own contact details. In a change, a field left out ({@code null}) stays as it is and
 * {@code ""} clears it.
 */
public record ContactDTO(@Nullable String phone, @Nullable String email) {
}
