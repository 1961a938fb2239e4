package cn.edu.cumt.union.testing;

import java.util.Set;
import java.util.TreeSet;

import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.UnitScope;

/** The core's access rule, for unit tests: union administrators manage everything, unit administrators their units and below. */
public final class FakeAccess implements AccessControl {

    private final Directory directory;

    public FakeAccess(Directory directory) {
        this.directory = directory;
    }

    @Override
    public boolean canManageUnit(UnionPrincipal caller, long unitId) {
        return manageableUnits(caller).covers(unitId);
    }

    @Override
    public void requireManageUnit(UnionPrincipal caller, long unitId) {
        if (!canManageUnit(caller, unitId)) {
            throw ApiException.notFound("unit.not-found", "单位不存在", "Unit not found");
        }
    }

    @Override
    public UnitScope manageableUnits(UnionPrincipal caller) {
        if (caller.hasRole(Roles.UNION_ADMIN)) {
            return UnitScope.all();
        }
        Set<Long> units = new TreeSet<>();
        if (caller.hasRole(Roles.UNIT_ADMIN)) {
            caller.adminUnitIds().forEach(u -> units.addAll(directory.unitAndDescendants(u)));
        }
        return UnitScope.of(units);
    }

    @Override
    public boolean canSeeMember(UnionPrincipal caller, long memberId, long memberUnitId) {
        return memberId == (caller.memberId() == null ? -1 : caller.memberId()) || canManageUnit(caller, memberUnitId);
    }
}
