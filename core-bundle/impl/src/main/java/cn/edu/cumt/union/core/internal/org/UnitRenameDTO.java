package cn.edu.cumt.union.core.internal.org;

import cn.edu.cumt.union.api.rest.Nullable;

/** Body of {@code PUT /api/units/{id}}: the new names. */
public record UnitRenameDTO(String name, @Nullable String nameEn) {
}
