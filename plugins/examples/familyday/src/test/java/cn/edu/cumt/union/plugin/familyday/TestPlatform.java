package cn.edu.cumt.union.plugin.familyday;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * The core's services as a unit plugin sees them, for unit tests: a directory that holds only the
 * plugin's own unit, access by the caller's granted units, an audit log that remembers.
 */
final class TestPlatform implements Directory, AccessControl, AuditLog {

    private final UnitDTO unit;
    private final Map<Long, MemberDTO> members = new java.util.HashMap<>();
    final List<String> audited = new ArrayList<>();

    TestPlatform(String unitCode, long unitId) {
        this.unit = new UnitDTO(unitId, unitCode, unitCode, unitCode, UnitKind.UNIT, 1L, false);
    }

    @Override
    public Optional<UnitDTO> findUnit(long unitId) {
        return unitId == unit.id() ? Optional.of(unit) : Optional.empty();
    }

    @Override
    public Optional<UnitDTO> findUnitByCode(String code) {
        return unit.code().equals(code) ? Optional.of(unit) : Optional.empty();
    }

    @Override
    public List<UnitDTO> units() {
        return List.of(unit);
    }

    @Override
    public Set<Long> unitAndDescendants(long unitId) {
        return unitId == unit.id() ? Set.of(unitId) : Set.of();
    }

    /** Adds a member of the plugin's unit. */
    MemberDTO addMember(long id, String name) {
        MemberDTO member = new MemberDTO(id, "S" + id, name, "F", null, null, null, unit.id(), null,
                cn.edu.cumt.union.api.directory.MemberStatus.ACTIVE, null, Set.of());
        members.put(id, member);
        return member;
    }

    @Override
    public Optional<MemberDTO> findMember(long memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    @Override
    public Optional<MemberDTO> findMemberByStaffNo(String staffNo) {
        return Optional.empty();
    }

    @Override
    public List<MemberDTO> activeMembers(Collection<Long> unitIds, Collection<String> anyCategories) {
        return List.of();
    }

    @Override
    public Map<Long, Long> countActiveMembersByUnit(Collection<Long> unitIds, Collection<String> anyCategories) {
        return Map.of();
    }

    @Override
    public boolean canManageUnit(UnionPrincipal caller, long unitId) {
        return caller.adminUnitIds().contains(unitId);
    }

    @Override
    public void requireManageUnit(UnionPrincipal caller, long unitId) {
        if (!canManageUnit(caller, unitId)) {
            throw ApiException.notFound("unit.not-found", "单位不存在", "No such unit");
        }
    }

    @Override
    public Set<Long> manageableUnitIds(UnionPrincipal caller) {
        return caller.adminUnitIds();
    }

    @Override
    public boolean canSeeMember(UnionPrincipal caller, long memberId, long memberUnitId) {
        return canManageUnit(caller, memberUnitId);
    }

    @Override
    public void record(String action, String targetType, String targetId, String detail) {
        audited.add(action);
    }

    @Override
    public void denied(String action, String targetType, String targetId, String detail) {
        audited.add("denied " + action);
    }
}
