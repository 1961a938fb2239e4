package cn.edu.cumt.union.core.internal.org;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import cn.edu.cumt.union.api.directory.UnitDTO;

/** An immutable snapshot of the whole organisation tree (a few hundred units at most), read in one query. */
public final class UnitTree {

    private final Map<Long, UnitDTO> byId = new HashMap<>();
    private final Map<String, UnitDTO> byCode = new HashMap<>();
    private final Map<Long, List<UnitDTO>> children = new HashMap<>();
    private final List<UnitDTO> ordered = new ArrayList<>();

    public UnitTree(Collection<UnitDTO> units) {
        for (UnitDTO unit : units) {
            byId.put(unit.id(), unit);
            byCode.put(unit.code(), unit);
            children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(UnitDTO::code)));
        // Parents before children: breadth-first from the roots.
        Deque<UnitDTO> queue = new ArrayDeque<>(children.getOrDefault(null, List.of()));
        while (!queue.isEmpty()) {
            UnitDTO unit = queue.removeFirst();
            ordered.add(unit);
            queue.addAll(children.getOrDefault(unit.id(), List.of()));
        }
    }

    public static UnitTree load(EntityManager em) {
        return new UnitTree(em.createQuery("select u from UnitEntity u", UnitEntity.class).getResultList().stream()
                .map(UnitEntity::toDTO).toList());
    }

    public Optional<UnitDTO> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<UnitDTO> findByCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** @return every unit, parents before children, siblings by code */
    public List<UnitDTO> ordered() {
        return ordered;
    }

    public List<UnitDTO> children(long id) {
        return children.getOrDefault(id, List.of());
    }

    /** @return the unit and every unit below it, or an empty set for an unknown id */
    public Set<Long> withDescendants(long id) {
        Set<Long> result = new LinkedHashSet<>();
        if (!byId.containsKey(id)) {
            return result;
        }
        Deque<Long> stack = new ArrayDeque<>();
        stack.push(id);
        while (!stack.isEmpty()) {
            Long next = stack.pop();
            if (result.add(next)) {
                children(next).forEach(child -> stack.push(child.id()));
            }
        }
        return result;
    }

    /** @return whether {@code ancestor} is {@code id} or lies on its path to the root */
    public boolean isSelfOrAncestor(long ancestor, long id) {
        Set<Long> seen = new LinkedHashSet<>();
        UnitDTO unit = byId.get(id);
        while (unit != null && seen.add(unit.id())) {
            if (unit.id() == ancestor) {
                return true;
            }
            unit = unit.parentId() == null ? null : byId.get(unit.parentId());
        }
        return false;
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }
}
