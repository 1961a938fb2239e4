package cn.edu.cumt.union.api.directory;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A unit of the organisation tree.
 *
 * @param id       the unit's id
 * @param code     its short code, unique, e.g. {@code CS}
 * @param name     its Chinese name, e.g. 计算机科学与技术学院
 * @param nameEn   its English name, may be {@code null}
 * @param kind     its level
 * @param parentId the parent unit, {@code null} for the root
 * @param retired  whether the unit was retired (kept for history, no longer used)
 */
public record UnitDTO(long id, String code, String name, @Nullable String nameEn, UnitKind kind, @Nullable Long parentId,
        boolean retired) {
}
