package cn.edu.cumt.union.api.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A read-only view of the organisation tree and its members, for plugins. Implemented by the
 * core; thread-safe; results are fresh copies.
 *
 * <p>The view is scoped to the bundle that obtained the service: a unit's own plugin (one whose
 * manifest names an owning unit) sees only that unit and the units below it. Anything outside the
 * scope is simply absent: {@code Optional.empty()}, or left out of lists and counts.
 */
@ProviderType
public interface Directory {

    Optional<UnitDTO> findUnit(long unitId);

    /**
     * @return the unit that owns the calling plugin (its manifest's {@code Union-Plugin-Unit}), so
     *         that a unit plugin never writes its unit's code a second time; empty for the union's
     *         own plugins, or when that unit does not exist
     */
    Optional<UnitDTO> ownUnit();

    Optional<UnitDTO> findUnitByCode(String code);

    /** @return every unit in scope that is not retired, parents before children */
    List<UnitDTO> units();

    /** @return the unit and all units below it, in scope; empty if the unit is not in scope */
    Set<Long> unitAndDescendants(long unitId);

    Optional<MemberDTO> findMember(long memberId);

    Optional<MemberDTO> findMemberByStaffNo(String staffNo);

    /**
     * @param unitIds       units whose members are wanted (members of their sub-units are not
     *                      included unless listed); empty means every unit in scope
     * @param anyCategories when not empty, only members holding at least one of these categories
     * @return the active members matching, ordered by staff number
     * @deprecated "empty means every unit" is easy to get wrong; use {@link #members(Audience)}
     */
    @Deprecated(since = "1.1")
    List<MemberDTO> activeMembers(Collection<Long> unitIds, Collection<String> anyCategories);

    /**
     * Counts like {@link #activeMembers} without loading them.
     *
     * @return unit id to number of matching active members; units with none are absent
     * @deprecated counts a group's members twice when the group and its unit are named; use
     *             {@link #countByUnit(Audience)}
     */
    @Deprecated(since = "1.1")
    Map<Long, Long> countActiveMembersByUnit(Collection<Long> unitIds, Collection<String> anyCategories);

    /**
     * @return the member with their place in the tree (group, unit, ancestors), read on one
     *         snapshot; empty when the member is not in scope
     */
    Optional<MemberPlacement> placement(long memberId);

    /** @return whether the audience concerns the member; {@code false} when the member is not in scope */
    default boolean includes(Audience audience, long memberId) {
        return placement(memberId).map(audience::includes).orElse(false);
    }

    /** @return the active members the audience concerns, in scope, ordered by staff number */
    List<MemberDTO> members(Audience audience);

    /**
     * Counts {@link #members} by the unit each belongs to (a union group's members count for the
     * group's unit), each member once, without loading them.
     *
     * @return unit id to number of members; units with none are absent
     */
    Map<Long, Long> countByUnit(Audience audience);
}
