package cn.edu.cumt.union.core.internal.org;

/** Body of {@code POST /api/units/{id}/move}: the new parent. */
public record UnitMoveDTO(Long parentId) {
}
