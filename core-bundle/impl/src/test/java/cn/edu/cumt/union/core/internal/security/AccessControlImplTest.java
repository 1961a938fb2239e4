package cn.edu.cumt.union.core.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.auth.TestClock;

public class AccessControlImplTest {

    // 1 university union; 2 = unit A (with 4 below it, and 5 below 4); 3 = unit B
    private final List<Object[]> rows = new ArrayList<>(List.of(row(1, null), row(2, 1L), row(3, 1L), row(4, 2L),
            row(5, 4L)));
    private final AtomicInteger loads = new AtomicInteger();
    private final TestClock clock = new TestClock();
    private final AccessControlImpl access = new AccessControlImpl(() -> {
        loads.incrementAndGet();
        return List.copyOf(rows);
    }, clock);

    @Test
    public void unitAdminManagesTheGrantedUnitAndEverythingBelow() {
        UnionPrincipal adminOfA = principal(Set.of(Roles.UNIT_ADMIN, Roles.MEMBER), Set.of(2L), 100L);
        assertTrue(access.canManageUnit(adminOfA, 2));
        assertTrue(access.canManageUnit(adminOfA, 4));
        assertTrue(access.canManageUnit(adminOfA, 5));
        assertFalse(access.canManageUnit(adminOfA, 3));
        assertFalse(access.canManageUnit(adminOfA, 1));
        assertEquals(Set.of(2L, 4L, 5L), access.manageableUnitIds(adminOfA));
    }

    @Test
    public void unitAdminOfBDoesNotReachA() {
        UnionPrincipal adminOfB = principal(Set.of(Roles.UNIT_ADMIN), Set.of(3L), null);
        assertTrue(access.canManageUnit(adminOfB, 3));
        assertFalse(access.canManageUnit(adminOfB, 2));
        assertFalse(access.canManageUnit(adminOfB, 5));
        try {
            access.requireManageUnit(adminOfB, 2);
            fail("unit B's admin reached unit A");
        } catch (ApiException expected) {
            assertEquals(404, expected.status());
            assertEquals("resource.not-found", expected.code());
        }
        access.requireManageUnit(adminOfB, 3);
    }

    @Test
    public void unionAdminManagesAll() {
        UnionPrincipal unionAdmin = principal(Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), null);
        assertTrue(access.canManageUnit(unionAdmin, 1));
        assertTrue(access.canManageUnit(unionAdmin, 5));
        assertTrue(access.canManageUnit(unionAdmin, 999));
        assertNull(access.manageableUnitIds(unionAdmin));
    }

    @Test
    public void operatorsAndMembersManageNoUnit() {
        UnionPrincipal operator = principal(Set.of(Roles.OPERATOR), Set.of(), null);
        UnionPrincipal member = principal(Set.of(Roles.MEMBER), Set.of(), 100L);
        for (long unit = 1; unit <= 5; unit++) {
            assertFalse(access.canManageUnit(operator, unit));
            assertFalse(access.canManageUnit(member, unit));
        }
        assertEquals(Set.of(), access.manageableUnitIds(operator));
        assertEquals(Set.of(), access.manageableUnitIds(member));
        assertFalse(access.canManageUnit(null, 1));
    }

    @Test
    public void grantsWithoutTheRoleCountForNothing() {
        UnionPrincipal stale = principal(Set.of(Roles.MEMBER), Set.of(2L), 100L);
        assertFalse(access.canManageUnit(stale, 2));
    }

    @Test
    public void membersSeeThemselvesAndAdminsTheirUnits() {
        UnionPrincipal member = principal(Set.of(Roles.MEMBER), Set.of(), 100L);
        assertTrue(access.canSeeMember(member, 100, 3));
        assertFalse(access.canSeeMember(member, 101, 3));
        UnionPrincipal adminOfA = principal(Set.of(Roles.UNIT_ADMIN, Roles.MEMBER), Set.of(2L), 200L);
        assertTrue(access.canSeeMember(adminOfA, 101, 5));
        assertFalse(access.canSeeMember(adminOfA, 102, 3));
        assertTrue(access.canSeeMember(adminOfA, 200, 3)); // their own record, wherever it is
        UnionPrincipal operator = principal(Set.of(Roles.OPERATOR), Set.of(), null);
        assertFalse(access.canSeeMember(operator, 101, 2));
    }

    @Test
    public void treeIsCachedBrieflyAndReloadedWhenOldOrInvalidated() {
        UnionPrincipal adminOfA = principal(Set.of(Roles.UNIT_ADMIN), Set.of(2L), null);
        assertFalse(access.canManageUnit(adminOfA, 6));
        rows.add(row(6, 5L));
        assertFalse(access.canManageUnit(adminOfA, 6)); // still the cached tree
        assertEquals(1, loads.get());
        clock.advance(AccessControlImpl.TREE_MAX_AGE);
        assertTrue(access.canManageUnit(adminOfA, 6));
        assertEquals(2, loads.get());
        rows.remove(rows.size() - 1);
        access.invalidate();
        assertFalse(access.canManageUnit(adminOfA, 6));
        assertEquals(3, loads.get());
    }

    @Test
    public void aCycleInTheDataDoesNotHang() {
        rows.add(row(7, 8L));
        rows.add(row(8, 7L));
        UnionPrincipal admin = principal(Set.of(Roles.UNIT_ADMIN), Set.of(7L), null);
        assertEquals(Set.of(7L, 8L), access.manageableUnitIds(admin));
    }

    private static Object[] row(long id, Long parent) {
        return new Object[] { id, parent };
    }

    private static UnionPrincipal principal(Set<String> roles, Set<Long> adminUnits, Long memberId) {
        return new UnionPrincipal(1, "u", memberId, memberId == null ? null : 3L, roles, adminUnits, "s");
    }
}
