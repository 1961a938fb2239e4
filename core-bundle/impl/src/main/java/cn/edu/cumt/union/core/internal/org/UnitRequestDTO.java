package cn.edu.cumt.union.core.internal.org;

import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * Body of {@code POST /api/units}.
 *
 * @param code     unique short code, letters, digits, '-' and '_', 1 to 32
 * @param name     Chinese name, required
 * @param nameEn   English name, optional
 * @param kind     UNIT or GROUP; optional, then taken from the parent's level
 * @param parentId the parent unit
 */
public record UnitRequestDTO(String code, String name, @Nullable String nameEn, UnitKind kind, @Nullable Long parentId) {
}
