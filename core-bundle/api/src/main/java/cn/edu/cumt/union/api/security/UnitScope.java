package cn.edu.cumt.union.api.security;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The units a caller may act on: every unit, or these (granted units and all units below them).
 * It replaces "{@code null} means every unit", which a missed check turns into "no limit".
 */
public final class UnitScope {

    private static final UnitScope ALL = new UnitScope(null);
    private static final UnitScope NONE = new UnitScope(Set.of());

    /** {@code null} only in {@link #ALL}. */
    private final Set<Long> unitIds;

    private UnitScope(Set<Long> unitIds) {
        this.unitIds = unitIds;
    }

    public static UnitScope all() {
        return ALL;
    }

    public static UnitScope none() {
        return NONE;
    }

    public static UnitScope of(Collection<Long> unitIds) {
        return unitIds.isEmpty() ? NONE : new UnitScope(Set.copyOf(unitIds));
    }

    /** @return whether every unit is in scope */
    public boolean isAll() {
        return unitIds == null;
    }

    /** @return whether the unit is in scope; {@code false} for {@code null} */
    public boolean covers(Long unitId) {
        return unitId != null && (unitIds == null || unitIds.contains(unitId));
    }

    /**
     * @return the units in scope
     * @throws IllegalStateException when every unit is ({@link #isAll()}): ask that first
     */
    public Set<Long> unitIds() {
        if (unitIds == null) {
            throw new IllegalStateException("every unit is in scope: check isAll() first");
        }
        return unitIds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitScope scope && Objects.equals(unitIds, scope.unitIds);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(unitIds);
    }

    @Override
    public String toString() {
        return unitIds == null ? "UnitScope[all]" : "UnitScope" + unitIds;
    }
}
