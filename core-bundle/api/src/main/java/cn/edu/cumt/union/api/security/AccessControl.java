package cn.edu.cumt.union.api.security;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * The one place that answers "may this caller act on this unit's records". Resources declare the
 * role they need with {@code @RolesAllowed}; for a record that belongs to a unit they then ask this
 * service. Implemented by the core; thread-safe.
 */
@ProviderType
public interface AccessControl {

    /**
     * @return whether the caller may manage records of the given unit: a union administrator may
     *         manage every unit, a unit administrator the units granted and all units below them
     */
    boolean canManageUnit(UnionPrincipal caller, long unitId);

    /**
     * Throws unless {@link #canManageUnit} holds. The answer is 404, not 403, so that a unit
     * administrator cannot probe which ids exist in other units.
     *
     * @throws ApiException 404 when the caller may not manage the unit
     */
    void requireManageUnit(UnionPrincipal caller, long unitId);

    /** @return the units the caller may manage: all of them, or the granted units and their descendants */
    UnitScope manageableUnits(UnionPrincipal caller);

    /**
     * @return the ids of every unit the caller may manage (granted units and their descendants), or
     *         {@code null} when the caller may manage all units
     * @deprecated a missed {@code null} check means "no limit"; use {@link #manageableUnits}
     */
    @Deprecated(since = "1.1")
    default Set<Long> manageableUnitIds(UnionPrincipal caller) {
        UnitScope scope = manageableUnits(caller);
        return scope.isAll() ? null : scope.unitIds();
    }

    /** @return whether the caller may see the member's record: their own, or one they manage */
    boolean canSeeMember(UnionPrincipal caller, long memberId, long memberUnitId);
}
