package cn.edu.cumt.union.core.internal.org;

import java.util.Set;

/**
 * The units a caller may manage, as the services take it: {@code null} ids mean every unit. The
 * resources build it from {@code AccessControl.manageableUnitIds}, so the services stay testable
 * without the security layer.
 */
public record UnitScope(Set<Long> unitIds) {

    private static final UnitScope ALL = new UnitScope(null);

    public static UnitScope all() {
        return ALL;
    }

    public static UnitScope of(Set<Long> unitIds) {
        return unitIds == null ? ALL : new UnitScope(Set.copyOf(unitIds));
    }

    public boolean isAll() {
        return unitIds == null;
    }

    public boolean covers(Long unitId) {
        return unitId != null && (unitIds == null || unitIds.contains(unitId));
    }
}
