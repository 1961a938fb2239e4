package cn.edu.cumt.union.core.internal.org;

import cn.edu.cumt.union.api.rest.Nullable;

/** Body of {@code POST /api/units/{id}/move}: the new parent. */
public record UnitMoveDTO(@Nullable Long parentId) {
}
