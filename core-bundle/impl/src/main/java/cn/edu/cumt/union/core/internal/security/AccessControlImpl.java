package cn.edu.cumt.union.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * Unit scoping: a union administrator manages every unit, a unit administrator the granted units
 * and everything below them; operators run the platform and manage no unit by that role. The unit
 * tree is read from the database and kept for a few seconds; the organisation service calls
 * {@link #invalidate()} after it changes the tree, so changes apply at once.
 */
@Component(service = { AccessControl.class, AccessControlImpl.class })
public class AccessControlImpl implements AccessControl {

    static final Duration TREE_MAX_AGE = Duration.ofSeconds(5);

    private final Supplier<List<Object[]>> unitRows;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Activate
    public AccessControlImpl(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema) {
        this(() -> jpa.txExpr(TransactionType.Required,
                em -> em.createQuery("select u.id, u.parentId from UnitEntity u", Object[].class).getResultList()),
                Clock.systemUTC());
    }

    AccessControlImpl(Supplier<List<Object[]>> unitRows, Clock clock) {
        this.unitRows = unitRows;
        this.clock = clock;
    }

    /** Forgets the cached unit tree; the next decision reads it again. */
    public void invalidate() {
        snapshot = null;
    }

    @Override
    public boolean canManageUnit(UnionPrincipal caller, long unitId) {
        if (caller == null) {
            return false;
        }
        if (caller.hasRole(Roles.UNION_ADMIN)) {
            return true;
        }
        return manageableUnits(caller).covers(unitId);
    }

    @Override
    public void requireManageUnit(UnionPrincipal caller, long unitId) {
        if (!canManageUnit(caller, unitId)) {
            throw ApiException.notFound("resource.not-found", "记录不存在", "Not found");
        }
    }

    @Override
    public UnitScope manageableUnits(UnionPrincipal caller) {
        if (caller == null) {
            return UnitScope.none();
        }
        if (caller.hasRole(Roles.UNION_ADMIN)) {
            return UnitScope.all();
        }
        if (!caller.hasRole(Roles.UNIT_ADMIN) || caller.adminUnitIds().isEmpty()) {
            return UnitScope.none();
        }
        return UnitScope.of(tree().withDescendants(caller.adminUnitIds()));
    }

    @Override
    public boolean canSeeMember(UnionPrincipal caller, long memberId, long memberUnitId) {
        if (caller == null) {
            return false;
        }
        if (caller.memberId() != null && caller.memberId() == memberId) {
            return true;
        }
        return canManageUnit(caller, memberUnitId);
    }

    private UnitTree tree() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.loadedAt.plus(TREE_MAX_AGE))) {
            current = new Snapshot(UnitTree.of(unitRows.get()), now);
            snapshot = current;
        }
        return current.tree;
    }

    private record Snapshot(UnitTree tree, Instant loadedAt) {
    }
}
