package cn.edu.cumt.union.core.internal.duty;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.duty.DutyDTO;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.directory.DirectoryImpl;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;
import cn.edu.cumt.union.core.internal.security.AccessControlImpl;

/** A unit's own plugin asks about duties: it learns only of its own unit's members and of duties covering its unit. */
public class ScopedDutiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private TestDatabase db;
    private TestTree tree;
    private DutyService service;
    private long csMember;
    private long mathMember;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        tree = new TestTree(db);
        service = new DutyService(db, new AccessControlImpl(db, null), db.auditLog,
                java.time.Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC));
        csMember = tree.member("S0001", "张三", tree.cs.id());
        mathMember = tree.member("S0002", "李四", tree.math.id());
        UnionPrincipal union = new UnionPrincipal(1, "union", null, null,
                Set.of(Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN), Set.of(), "s");
        LocalDate from = LocalDate.of(2026, 1, 1);
        service.grant(union, new DutyGrantDTO("reviewer", "评审专家", csMember, tree.cs.id(), from, null));
        service.grant(union, new DutyGrantDTO("reviewer", "评审专家", mathMember, tree.math.id(), from, null));
        service.grant(union, new DutyGrantDTO("proposal-committee", "提案委员会委员", csMember, tree.root.id(), from, null));
        service.grant(union, new DutyGrantDTO("delegation-head", "代表团团长", csMember, tree.math.id(), from, null));
        service.grant(union, new DutyGrantDTO("proposal-committee", "提案委员会委员", mathMember, tree.root.id(), from, null));
    }

    private ScopedDuties unitPlugin(String unitCode) {
        return new ScopedDuties(service, new DirectoryImpl(db, unitCode));
    }

    @Test
    public void theUnionsOwnBundlesSeeEveryHolder() {
        ScopedDuties all = new ScopedDuties(service, null);
        assertEquals(Set.of(mathMember), all.holders("reviewer", tree.math.id(), DAY));
        assertEquals(Set.of(csMember, mathMember), all.holders("proposal-committee", tree.cs.id(), DAY));
        assertEquals(3, all.heldBy(csMember, DAY).size());
        assertTrue(all.holds(mathMember, "reviewer", tree.math.id(), DAY));
    }

    @Test
    public void aUnitPluginCannotListHoldersOfAnotherUnit() {
        ScopedDuties cs = unitPlugin("CS");
        assertEquals("another unit's holders", Set.of(), cs.holders("reviewer", tree.math.id(), DAY));
        assertEquals("the university's: only its own members among them", Set.of(),
                cs.holders("proposal-committee", tree.root.id(), DAY));
        assertEquals("a university-wide duty, asked for its unit: only its own members", Set.of(csMember),
                cs.holders("proposal-committee", tree.cs.id(), DAY));
        assertEquals(Set.of(csMember), cs.holders("reviewer", tree.csG1.id(), DAY));
    }

    @Test
    public void aUnitPluginCannotProbeAnotherUnitsMember() {
        ScopedDuties cs = unitPlugin("CS");
        assertFalse(cs.holds(mathMember, "reviewer", tree.math.id(), DAY));
        assertFalse("a university duty of another unit's member", cs.holds(mathMember, "proposal-committee", tree.cs.id(), DAY));
        assertEquals(List.of(), cs.heldBy(mathMember, DAY));
        assertTrue(cs.holds(csMember, "reviewer", tree.cs.id(), DAY));
    }

    @Test
    public void ofItsOwnMembersDutiesAUnitPluginSeesThoseCoveringItsUnit() {
        List<String> codes = unitPlugin("CS").heldBy(csMember, DAY).stream().map(DutyDTO::code).sorted().toList();
        assertEquals("its own unit's and the university's, not the one held for another unit",
                List.of("proposal-committee", "reviewer"), codes);
    }

    @Test
    public void aUnitCodeThatNamesNoUnitSeesNothing() {
        ScopedDuties nobody = unitPlugin("NOPE");
        assertEquals(Set.of(), nobody.holders("proposal-committee", tree.root.id(), DAY));
        assertEquals(List.of(), nobody.heldBy(csMember, DAY));
        assertFalse(nobody.holds(csMember, "reviewer", tree.cs.id(), DAY));
    }
}
