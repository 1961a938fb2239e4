package cn.edu.cumt.union.plugin.familyday.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** What a member sends to sign up: family members coming along (the member is not counted). */
public record SignupInputDTO(@Nullable Integer adults, @Nullable Integer children) {
}
