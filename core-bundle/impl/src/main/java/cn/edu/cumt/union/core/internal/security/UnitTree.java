package cn.edu.cumt.union.core.internal.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An immutable snapshot of the unit hierarchy: which units lie below which. */
public final class UnitTree {

    private final Map<Long, List<Long>> children;
    private final Set<Long> units;

    private UnitTree(Map<Long, List<Long>> children, Set<Long> units) {
        this.children = children;
        this.units = units;
    }

    /** @param rows pairs of (unit id, parent id or {@code null}) */
    public static UnitTree of(Collection<Object[]> rows) {
        Map<Long, List<Long>> children = new HashMap<>();
        Set<Long> units = new HashSet<>();
        for (Object[] row : rows) {
            Long id = ((Number) row[0]).longValue();
            units.add(id);
            if (row[1] != null) {
                children.computeIfAbsent(((Number) row[1]).longValue(), parent -> new ArrayList<>()).add(id);
            }
        }
        return new UnitTree(children, Set.copyOf(units));
    }

    /** @return whether the unit exists */
    public boolean contains(long unitId) {
        return units.contains(unitId);
    }

    /** @return the given units that exist and every unit below them (safe against cycles) */
    public Set<Long> withDescendants(Collection<Long> roots) {
        Set<Long> result = new HashSet<>();
        Deque<Long> pending = new ArrayDeque<>();
        for (Long root : roots) {
            if (root != null && units.contains(root)) {
                pending.add(root);
            }
        }
        while (!pending.isEmpty()) {
            Long unit = pending.poll();
            if (result.add(unit)) {
                pending.addAll(children.getOrDefault(unit, List.of()));
            }
        }
        return result;
    }
}
