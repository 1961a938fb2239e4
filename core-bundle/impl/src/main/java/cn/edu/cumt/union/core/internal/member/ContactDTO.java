package cn.edu.cumt.union.core.internal.member;

import cn.edu.cumt.union.api.rest.Nullable;

/** A member's own contact details as they stand. */
public record ContactDTO(@Nullable String phone, @Nullable String email) {
}
