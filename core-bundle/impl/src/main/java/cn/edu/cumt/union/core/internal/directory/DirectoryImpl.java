package cn.edu.cumt.union.core.internal.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberPlacement;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.UnitTree;

/**
 * The directory, one instance per using bundle: a unit's own plugin (header {@code Union-Plugin-Unit})
 * sees only that unit and the units below it; the scope is worked out on each call, so it follows
 * the tree as it changes. A unit code that names no unit leaves the plugin seeing nothing.
 */
@Component(service = Directory.class, scope = ServiceScope.BUNDLE)
public class DirectoryImpl implements Directory {

    private final JpaTemplate jpa;
    /** The owning unit's code, or {@code null} for the union's own plugins (whole tree). */
    private final String ownerUnit;

    @Activate
    public DirectoryImpl(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema, ComponentContext context) {
        this(jpa, ownerOf(context));
    }

    public DirectoryImpl(JpaTemplate jpa, String ownerUnit) {
        this.jpa = jpa;
        this.ownerUnit = ownerUnit;
    }

    /** @return the code of the unit whose own plugin uses the service, or {@code null} for the union's own bundles */
    public static String ownerOf(ComponentContext context) {
        String owner = context.getUsingBundle() == null ? null
                : context.getUsingBundle().getHeaders("").get(PluginHeaders.OWNER_UNIT);
        return owner == null || owner.isBlank() ? null : owner.trim();
    }

    /** The tree and the ids this view may see ({@code null}: all). */
    private record View(UnitTree tree, Set<Long> visible) {
        boolean sees(Long id) {
            return id != null && tree.find(id).isPresent() && (visible == null || visible.contains(id));
        }
    }

    private View view(EntityManager em) {
        UnitTree tree = UnitTree.load(em);
        if (ownerUnit == null) {
            return new View(tree, null);
        }
        return new View(tree, tree.findByCode(ownerUnit).map(u -> tree.withDescendants(u.id())).orElse(Set.of()));
    }

    @Override
    public Optional<UnitDTO> findUnit(long unitId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            View view = view(em);
            return view.sees(unitId) ? view.tree().find(unitId) : Optional.empty();
        });
    }

    @Override
    public Optional<UnitDTO> ownUnit() {
        return ownerUnit == null ? Optional.empty() : findUnitByCode(ownerUnit);
    }

    @Override
    public Optional<UnitDTO> findUnitByCode(String code) {
        return jpa.txExpr(TransactionType.Required, em -> {
            View view = view(em);
            return view.tree().findByCode(code).filter(u -> view.sees(u.id()));
        });
    }

    @Override
    public List<UnitDTO> units() {
        return jpa.txExpr(TransactionType.Required, em -> {
            View view = view(em);
            return view.tree().ordered().stream().filter(u -> !u.retired() && view.sees(u.id())).toList();
        });
    }

    @Override
    public Set<Long> unitAndDescendants(long unitId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            View view = view(em);
            if (!view.sees(unitId)) {
                return Set.<Long>of();
            }
            Set<Long> result = new LinkedHashSet<>(view.tree().withDescendants(unitId));
            result.removeIf(id -> !view.sees(id));
            return result;
        });
    }

    @Override
    public Optional<MemberDTO> findMember(long memberId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity member = em.find(MemberEntity.class, memberId);
            return member != null && sees(view(em), member) ? Optional.of(member.toDTO()) : Optional.empty();
        });
    }

    @Override
    public Optional<MemberDTO> findMemberByStaffNo(String staffNo) {
        if (staffNo == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            View view = view(em);
            return em.createQuery("select m from MemberEntity m where m.staffNo = :no", MemberEntity.class)
                    .setParameter("no", staffNo).getResultList().stream().filter(m -> sees(view, m))
                    .map(MemberEntity::toDTO).findFirst();
        });
    }

    private static boolean sees(View view, MemberEntity member) {
        return view.sees(member.getUnitId()) || view.sees(member.getGroupId());
    }

    @Override
    public List<MemberDTO> activeMembers(Collection<Long> unitIds, Collection<String> anyCategories) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<Long> units = units(view(em), unitIds);
            if (units.isEmpty()) {
                return List.<MemberDTO>of();
            }
            boolean byCategory = anyCategories != null && !anyCategories.isEmpty();
            TypedQuery<MemberEntity> query = em.createQuery("select distinct m from MemberEntity m"
                    + (byCategory ? " join m.categories c" : "")
                    + " where m.status = :active and (m.unitId in :units or m.groupId in :units)"
                    + (byCategory ? " and c in :categories" : "") + " order by m.staffNo", MemberEntity.class)
                    .setParameter("active", MemberStatus.ACTIVE).setParameter("units", units)
                    .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "m.categories");
            if (byCategory) {
                query.setParameter("categories", anyCategories);
            }
            return query.getResultList().stream().map(MemberEntity::toDTO).toList();
        });
    }

    @Override
    public Map<Long, Long> countActiveMembersByUnit(Collection<Long> unitIds, Collection<String> anyCategories) {
        return jpa.txExpr(TransactionType.Required, em -> {
            View view = view(em);
            Set<Long> units = units(view, unitIds);
            Set<Long> groups = new HashSet<>();
            Set<Long> others = new HashSet<>();
            for (Long id : units) {
                (view.tree().find(id).map(UnitDTO::kind).orElse(null) == UnitKind.GROUP ? groups : others).add(id);
            }
            Map<Long, Long> counts = new HashMap<>();
            // A member counts for their unit, and for their group when the group is asked for.
            count(em, "m.unitId", others, anyCategories, counts);
            count(em, "m.groupId", groups, anyCategories, counts);
            return counts;
        });
    }

    private static void count(EntityManager em, String key, Set<Long> ids, Collection<String> anyCategories,
            Map<Long, Long> counts) {
        if (ids.isEmpty()) {
            return;
        }
        boolean byCategory = anyCategories != null && !anyCategories.isEmpty();
        TypedQuery<Object[]> query = em.createQuery("select " + key + ", count(distinct m.id) from MemberEntity m"
                + (byCategory ? " join m.categories c" : "") + " where m.status = :active and " + key + " in :ids"
                + (byCategory ? " and c in :categories" : "") + " group by " + key, Object[].class)
                .setParameter("active", MemberStatus.ACTIVE).setParameter("ids", ids);
        if (byCategory) {
            query.setParameter("categories", anyCategories);
        }
        for (Object[] row : query.getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
    }

    @Override
    public Optional<MemberPlacement> placement(long memberId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity member = em.find(MemberEntity.class, memberId);
            View view = view(em);
            if (member == null || !sees(view, member)) {
                return Optional.<MemberPlacement>empty();
            }
            List<Long> path = new ArrayList<>();
            if (member.getGroupId() != null) {
                path.add(member.getGroupId());
            }
            Long current = member.getUnitId();
            while (current != null && !path.contains(current)) {
                path.add(current);
                current = view.tree().find(current).map(UnitDTO::parentId).orElse(null);
            }
            return Optional.of(new MemberPlacement(member.toDTO(), path));
        });
    }

    @Override
    public List<MemberDTO> members(Audience audience) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<Long> units = units(view(em), audience);
            if (units.isEmpty()) {
                return List.<MemberDTO>of();
            }
            TypedQuery<MemberEntity> query = em.createQuery("select distinct m from MemberEntity m"
                    + audienceJoin(audience) + " where m.status = :active and (m.unitId in :units or m.groupId in :units)"
                    + audienceCondition(audience) + " order by m.staffNo", MemberEntity.class)
                    .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "m.categories");
            audienceParameters(query, units, audience);
            return query.getResultList().stream().map(MemberEntity::toDTO).toList();
        });
    }

    @Override
    public Map<Long, Long> countByUnit(Audience audience) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<Long> units = units(view(em), audience);
            Map<Long, Long> counts = new HashMap<>();
            if (units.isEmpty()) {
                return counts;
            }
            TypedQuery<Object[]> query = em.createQuery("select m.unitId, count(distinct m.id) from MemberEntity m"
                    + audienceJoin(audience) + " where m.status = :active and (m.unitId in :units or m.groupId in :units)"
                    + audienceCondition(audience) + " group by m.unitId", Object[].class);
            audienceParameters(query, units, audience);
            for (Object[] row : query.getResultList()) {
                counts.put((Long) row[0], ((Number) row[1]).longValue());
            }
            return counts;
        });
    }

    /** The units in view whose members (or group members) the audience concerns, on this snapshot. */
    private static Set<Long> units(View view, Audience audience) {
        if (audience.allUnits()) {
            return units(view, List.of());
        }
        Set<Long> result = new LinkedHashSet<>();
        for (Long id : audience.unitIds()) {
            if (audience.withSubUnits()) {
                result.addAll(view.tree().withDescendants(id));
            } else {
                result.add(id);
            }
        }
        result.removeIf(id -> !view.sees(id));
        return result;
    }

    private static String audienceJoin(Audience audience) {
        return audience.categories().isEmpty() ? "" : " join m.categories c";
    }

    private static String audienceCondition(Audience audience) {
        return audience.categories().isEmpty() ? "" : " and c in :categories";
    }

    private static void audienceParameters(TypedQuery<?> query, Set<Long> units, Audience audience) {
        query.setParameter("active", MemberStatus.ACTIVE).setParameter("units", units);
        if (!audience.categories().isEmpty()) {
            query.setParameter("categories", audience.categories());
        }
    }

    /** @return the asked units that are in view, or every unit in view when none is asked */
    private static Set<Long> units(View view, Collection<Long> unitIds) {
        Set<Long> result = new LinkedHashSet<>();
        if (unitIds == null || unitIds.isEmpty()) {
            view.tree().ordered().stream().map(UnitDTO::id).filter(view::sees).forEach(result::add);
        } else {
            unitIds.stream().filter(view::sees).forEach(result::add);
        }
        return result;
    }
}
