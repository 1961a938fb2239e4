package cn.edu.cumt.union.plugin.brand.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;

/** A small organisation tree in memory; the brand plugin reads units only. */
final class FakeDirectory implements Directory {

    final Map<Long, UnitDTO> units = new LinkedHashMap<>();

    void unit(long id, String code, String name, UnitKind kind, Long parentId) {
        units.put(id, new UnitDTO(id, code, name, null, kind, parentId, false));
    }

    void retire(long id) {
        UnitDTO u = units.get(id);
        units.put(id, new UnitDTO(u.id(), u.code(), u.name(), u.nameEn(), u.kind(), u.parentId(), true));
    }

    @Override
    public Optional<UnitDTO> findUnit(long unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public Optional<UnitDTO> findUnitByCode(String code) {
        return units.values().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    @Override
    public List<UnitDTO> units() {
        return new ArrayList<>(units.values().stream().filter(u -> !u.retired()).toList());
    }

    @Override
    public Set<Long> unitAndDescendants(long unitId) {
        Set<Long> result = new TreeSet<>();
        if (units.containsKey(unitId)) {
            result.add(unitId);
            units.values().stream().filter(u -> u.parentId() != null && u.parentId() == unitId)
                    .forEach(child -> result.addAll(unitAndDescendants(child.id())));
        }
        return result;
    }

    @Override
    public Optional<MemberDTO> findMember(long memberId) {
        return Optional.empty();
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
}
