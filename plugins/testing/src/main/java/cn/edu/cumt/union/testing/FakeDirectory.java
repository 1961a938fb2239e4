package cn.edu.cumt.union.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberPlacement;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;

/**
 * A small organisation tree and its members in memory, for unit tests of plugins; counts how often
 * members are loaded, so that tests can hold a plugin to few directory calls.
 */
public final class FakeDirectory implements Directory {

    public final Map<Long, UnitDTO> units = new LinkedHashMap<>();
    public final Map<Long, MemberDTO> members = new LinkedHashMap<>();
    public int memberLoads;
    /** The unit that owns the plugin under test ({@link #ownUnit()}); {@code null} for a union plugin. */
    public Long ownUnitId;
    public int countQueries;

    /** A unit; without a parent it is the university (the root). */
    public void unit(long id, String code, String name, Long parentId) {
        unit(id, code, name, parentId == null ? UnitKind.UNIVERSITY : UnitKind.UNIT, parentId);
    }

    public void unit(long id, String code, String name, UnitKind kind, Long parentId) {
        units.put(id, new UnitDTO(id, code, name, null, kind, parentId, false));
    }

    /** Retires a unit: it stays findable by id, and leaves {@link #units()}. */
    public void retire(long id) {
        UnitDTO u = units.get(id);
        units.put(id, new UnitDTO(u.id(), u.code(), u.name(), u.nameEn(), u.kind(), u.parentId(), true));
    }

    /** A union group (工会小组): the lowest level, below a unit. */
    public void group(long id, String code, String name, long parentId) {
        units.put(id, new UnitDTO(id, code, name, null, UnitKind.GROUP, parentId, false));
    }

    public MemberDTO member(long id, long unitId, MemberStatus status, String... categories) {
        return member(id, unitId, null, status, categories);
    }

    public MemberDTO member(long id, long unitId, Long groupId, MemberStatus status, String... categories) {
        MemberDTO member = new MemberDTO(id, "S" + id, "会员" + id, null, null, null, null, unitId, groupId, status,
                LocalDate.of(2020, 1, 1), Set.of(categories));
        members.put(id, member);
        return member;
    }

    public void setStatus(long memberId, MemberStatus status) {
        MemberDTO m = members.get(memberId);
        members.put(memberId, new MemberDTO(m.id(), m.staffNo(), m.name(), null, null, null, null, m.unitId(),
                m.groupId(), status, m.joinDate(), m.categories()));
    }

    @Override
    public Optional<UnitDTO> findUnit(long unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public Optional<UnitDTO> ownUnit() {
        return ownUnitId == null ? Optional.empty() : findUnit(ownUnitId);
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
        memberLoads++;
        return Optional.ofNullable(members.get(memberId));
    }

    @Override
    public Optional<MemberDTO> findMemberByStaffNo(String staffNo) {
        memberLoads++;
        return members.values().stream().filter(m -> m.staffNo().equals(staffNo)).findFirst();
    }

    @Override
    public List<MemberDTO> activeMembers(Collection<Long> unitIds, Collection<String> anyCategories) {
        memberLoads++;
        return members.values().stream()
                .filter(m -> m.status() == MemberStatus.ACTIVE)
                .filter(m -> unitIds.isEmpty() || unitIds.contains(m.unitId())
                        || m.groupId() != null && unitIds.contains(m.groupId()))
                .filter(m -> anyCategories.isEmpty() || m.categories().stream().anyMatch(anyCategories::contains))
                .sorted(Comparator.comparing(MemberDTO::staffNo)).toList();
    }

    @Override
    public Map<Long, Long> countActiveMembersByUnit(Collection<Long> unitIds, Collection<String> anyCategories) {
        countQueries++;
        int loads = memberLoads;
        // As the core does: a member counts for their unit, and for their group when the group is asked for.
        Map<Long, Long> counts = new TreeMap<>();
        activeMembers(unitIds, anyCategories).forEach(m -> {
            if (unitIds.isEmpty() || unitIds.contains(m.unitId())) {
                counts.merge(m.unitId(), 1L, Long::sum);
            }
            if (m.groupId() != null && (unitIds.isEmpty() || unitIds.contains(m.groupId()))) {
                counts.merge(m.groupId(), 1L, Long::sum);
            }
        });
        memberLoads = loads; // a GROUP BY in the real one: loads nothing
        return counts;
    }

    @Override
    public Optional<MemberPlacement> placement(long memberId) {
        memberLoads++;
        MemberDTO member = members.get(memberId);
        if (member == null) {
            return Optional.empty();
        }
        List<Long> path = new ArrayList<>();
        if (member.groupId() != null) {
            path.add(member.groupId());
        }
        for (Long current = member.unitId(); current != null && !path.contains(current);
                current = units.containsKey(current) ? units.get(current).parentId() : null) {
            path.add(current);
        }
        return Optional.of(new MemberPlacement(member, path));
    }

    @Override
    public List<MemberDTO> members(Audience audience) {
        memberLoads++;
        return members.values().stream().filter(m -> audience.includes(placementOf(m)))
                .sorted(Comparator.comparing(MemberDTO::staffNo)).toList();
    }

    @Override
    public Map<Long, Long> countByUnit(Audience audience) {
        countQueries++;
        Map<Long, Long> counts = new TreeMap<>();
        members.values().stream().filter(m -> audience.includes(placementOf(m)))
                .forEach(m -> counts.merge(m.unitId(), 1L, Long::sum));
        return counts;
    }

    private MemberPlacement placementOf(MemberDTO member) {
        int loads = memberLoads;
        MemberPlacement placement = placement(member.id()).orElseThrow();
        memberLoads = loads; // part of the one query the real directory makes
        return placement;
    }
}
