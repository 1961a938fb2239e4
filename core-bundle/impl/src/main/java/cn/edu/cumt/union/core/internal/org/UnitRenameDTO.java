package cn.edu.cumt.union.core.internal.org;

/** Body of {@code PUT /api/units/{id}}: the new names. */
public record UnitRenameDTO(String name, String nameEn) {
}
