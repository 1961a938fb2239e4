package cn.edu.cumt.union.api.directory;

import java.util.Collection;
import java.util.Set;

/**
 * Which members something concerns (面向对象): every unit, or a set of units with or without the
 * units below them, narrowed to members holding one of some categories. Only active members are
 * ever concerned. A value with no rule of its own about the tree: {@link Directory} answers
 * "who" on one snapshot of it, and {@link #includes(MemberPlacement)} answers "this member?".
 *
 * @param allUnits     every unit in the caller's scope; {@code unitIds} is then empty
 * @param unitIds      the units named (a unit, a union group, the university)
 * @param withSubUnits whether the units below the named ones are included
 * @param categories   when not empty, only members holding at least one of these
 */
public record Audience(boolean allUnits, Set<Long> unitIds, boolean withSubUnits, Set<String> categories) {

    public Audience {
        unitIds = Set.copyOf(unitIds);
        categories = Set.copyOf(categories);
        if (allUnits && !unitIds.isEmpty()) {
            throw new IllegalArgumentException("an audience of all units names no units");
        }
    }

    /** Every active member in scope. */
    public static Audience everyone() {
        return new Audience(true, Set.of(), true, Set.of());
    }

    /** The members of these units and, if {@code withSubUnits}, of the units below them; no units: nobody. */
    public static Audience units(Collection<Long> unitIds, boolean withSubUnits) {
        return new Audience(false, Set.copyOf(unitIds), withSubUnits, Set.of());
    }

    /** This audience narrowed to members holding at least one of the categories (none: no narrowing). */
    public Audience withCategories(Collection<String> anyOf) {
        return new Audience(allUnits, unitIds, withSubUnits, Set.copyOf(anyOf));
    }

    /** Whether the member, placed in the tree as the directory saw it, is concerned. */
    public boolean includes(MemberPlacement placement) {
        MemberDTO member = placement.member();
        if (member.status() != MemberStatus.ACTIVE) {
            return false;
        }
        boolean inUnits = allUnits
                || (withSubUnits ? placement.unitPath().stream().anyMatch(unitIds::contains)
                        : unitIds.contains(member.unitId()) || member.groupId() != null && unitIds.contains(member.groupId()));
        return inUnits && (categories.isEmpty()
                || member.categories() != null && member.categories().stream().anyMatch(categories::contains));
    }
}
