package cn.edu.cumt.union.core.internal.duty;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static cn.edu.cumt.union.core.internal.ApiErrors.refused;

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
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;
import cn.edu.cumt.union.core.internal.security.AccessControlImpl;

/** Granting, revoking and asking for duties, with their scope (a unit and below; the university: all) and period. */
public class DutyServiceTest {

    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate D31 = LocalDate.of(2026, 3, 31);

    private TestDatabase db;
    private TestTree tree;
    private DutyService duties;
    private long alice;
    private long bob;
    private UnionPrincipal union;
    private UnionPrincipal mathAdmin;
    private UnionPrincipal csAdmin;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        tree = new TestTree(db);
        duties = new DutyService(db, new AccessControlImpl(db, null), db.auditLog,
                java.time.Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC));
        alice = tree.member("D0001", "张三", tree.cs.id());
        bob = tree.member("D0002", "李四", tree.math.id());
        union = new UnionPrincipal(1, "union", null, null, Set.of(Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN),
                Set.of(), "s");
        mathAdmin = new UnionPrincipal(2, "mathadmin", null, null, Set.of(Roles.MEMBER, Roles.UNIT_ADMIN),
                Set.of(tree.math.id()), "s");
        csAdmin = new UnionPrincipal(3, "csadmin", null, null, Set.of(Roles.MEMBER, Roles.UNIT_ADMIN),
                Set.of(tree.cs.id()), "s");
        db.audit.clear();
    }

    private DutyDTO grant(long member, String code, long unit, LocalDate from, LocalDate to) {
        return duties.grant(union, new DutyGrantDTO(code, "评审专家", member, unit, from, to));
    }


    @Test
    public void aDutyIsHeldOnEveryDayOfItsPeriodAndNoOther() {
        grant(alice, "reviewer", tree.cs.id(), D1, D31);
        assertTrue(duties.holds(alice, "reviewer", tree.cs.id(), D1));
        assertTrue(duties.holds(alice, "reviewer", tree.cs.id(), D31));
        assertFalse(duties.holds(alice, "reviewer", tree.cs.id(), D1.minusDays(1)));
        assertFalse(duties.holds(alice, "reviewer", tree.cs.id(), D31.plusDays(1)));
        assertFalse("another duty", duties.holds(alice, "delegation-head", tree.cs.id(), D1));
        assertFalse("another member", duties.holds(bob, "reviewer", tree.cs.id(), D1));
        grant(bob, "reviewer", tree.math.id(), D1, null);
        assertTrue("open-ended", duties.holds(bob, "reviewer", tree.math.id(), LocalDate.of(2030, 1, 1)));
    }

    @Test
    public void aUnitsDutyCoversTheUnitsBelowItButNotItsParentOrSiblings() {
        grant(alice, "reviewer", tree.cs.id(), D1, D31);
        assertTrue(duties.holds(alice, "reviewer", tree.csG1.id(), D1));
        assertFalse(duties.holds(alice, "reviewer", tree.math.id(), D1));
        assertFalse(duties.holds(alice, "reviewer", tree.mathG1.id(), D1));
        assertFalse(duties.holds(alice, "reviewer", tree.root.id(), D1));
        assertEquals(Set.of(alice), duties.holders("reviewer", tree.csG2.id(), D1));
        assertEquals(Set.of(), duties.holders("reviewer", tree.math.id(), D1));
    }

    @Test
    public void aUniversityDutyCoversEveryUnit() {
        grant(bob, "proposal-committee", tree.root.id(), D1, D31);
        for (long unit : List.of(tree.root.id(), tree.cs.id(), tree.csG1.id(), tree.math.id(), tree.mathG1.id())) {
            assertTrue(duties.holds(bob, "proposal-committee", unit, D1));
        }
        assertEquals(1, duties.heldBy(bob, D1).size());
        assertEquals(0, duties.heldBy(bob, D31.plusDays(1)).size());
    }

    @Test
    public void aRevokedDutyIsNoLongerHeldAndStaysListed() {
        DutyDTO granted = grant(alice, "reviewer", tree.cs.id(), D1, D31);
        DutyDTO revoked = duties.revoke(union, granted.id());
        assertEquals("union", revoked.revokedBy());
        assertFalse(duties.holds(alice, "reviewer", tree.cs.id(), D1));
        refused(409, "duty.already-revoked", () -> duties.revoke(union, granted.id()));
        refused(404, "duty.not-found", () -> duties.revoke(union, granted.id() + 1000));
        assertEquals(0, duties.list(union, null, null, null, false, 0, 50).total());
        assertEquals(1, duties.list(union, null, null, null, true, 0, 50).total());
        assertEquals(List.of("duty.grant " + granted.id(), "duty.revoke " + granted.id()),
                db.audit.stream().map(line -> line.substring(0, line.indexOf(' ', line.indexOf(' ') + 1))).toList());
    }

    @Test
    public void onlyUnionAdministratorsGrantOrRevokeAndARefusalLeavesNoTrace() {
        refused(403, "duty.union-admin-only", () -> duties.grant(csAdmin,
                new DutyGrantDTO("reviewer", "评审专家", alice, tree.cs.id(), D1, D31)));
        DutyDTO granted = grant(alice, "reviewer", tree.cs.id(), D1, D31);
        db.audit.clear();
        refused(403, "duty.union-admin-only", () -> duties.revoke(csAdmin, granted.id()));
        assertTrue(duties.holds(alice, "reviewer", tree.cs.id(), D1));
        assertEquals(List.of(), db.audit);
        assertEquals(1L, (long) db.count("select count(d) from DutyEntity d", Long.class));
    }

    @Test
    public void badGrantsAre400AndAnOverlapIs409() {
        refused(400, "request.field-invalid", () -> grant(alice, "Reviewer", tree.cs.id(), D1, D31));
        refused(400, "request.field-invalid", () -> grant(alice, "r", tree.cs.id(), D1, D31));
        refused(400, "request.field-missing", () -> duties.grant(union, new DutyGrantDTO("reviewer", " ", alice,
                tree.cs.id(), D1, D31)));
        refused(400, "request.field-missing", () -> duties.grant(union, null));
        refused(400, "request.field-missing", () -> grant(alice, "reviewer", tree.cs.id(), null, D31));
        refused(400, "request.field-invalid", () -> grant(alice, "reviewer", tree.cs.id(), D31, D1));
        refused(400, "request.field-invalid", () -> grant(alice + bob + 100, "reviewer", tree.cs.id(), D1, D31));
        refused(400, "request.field-invalid", () -> grant(alice, "reviewer", 999_999, D1, D31));
        grant(alice, "reviewer", tree.cs.id(), D1, D31);
        refused(409, "duty.duplicate", () -> grant(alice, "reviewer", tree.cs.id(), D31, null));
        refused(409, "duty.duplicate", () -> grant(alice, "reviewer", tree.cs.id(), D1.minusDays(5), D1));
        grant(alice, "reviewer", tree.cs.id(), D31.plusDays(1), null);
        grant(alice, "reviewer", tree.math.id(), D1, D31);
        assertEquals(3, duties.list(union, "reviewer", alice, null, false, 0, 50).total());
    }

    @Test
    public void unitAdministratorsListTheirUnitsDutiesAndMembersTheirOwn() {
        grant(alice, "reviewer", tree.cs.id(), D1, D31);
        grant(bob, "reviewer", tree.math.id(), D1, D31);
        grant(bob, "proposal-committee", tree.root.id(), D1, D31);
        assertEquals(3, duties.list(union, null, null, null, false, 0, 50).total());
        List<DutyDTO> math = duties.list(mathAdmin, null, null, null, false, 0, 50).items();
        assertEquals(1, math.size());
        assertEquals(bob, math.get(0).memberId());
        assertEquals(0, duties.list(mathAdmin, null, alice, null, false, 0, 50).total());
        UnionPrincipal aliceHerself = new UnionPrincipal(9, "D0001", alice, tree.cs.id(), Set.of(Roles.MEMBER), Set.of(), "s");
        assertEquals(List.of(alice), duties.list(aliceHerself, null, null, null, false, 0, 50).items().stream()
                .map(DutyDTO::memberId).toList());
        UnionPrincipal noMember = new UnionPrincipal(8, "guest", null, null, Set.of(Roles.MEMBER), Set.of(), "s");
        assertEquals(0, duties.list(noMember, null, null, null, false, 0, 50).total());
    }
}
