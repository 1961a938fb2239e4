package cn.edu.cumt.union.core.internal.auth;

import static cn.edu.cumt.union.core.internal.auth.AccountServiceTest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.auth.AccountAdminService.IssuedAccount;
import cn.edu.cumt.union.core.internal.auth.AccountAdminService.UnitAccounts;
import cn.edu.cumt.union.core.internal.member.MemberEntity;

/** Accounts for every active member of a unit at once, against the real schema on in-memory Derby. */
public class AccountsForUnitTest {

    private static final String PASSWORD = "Right-Password-1";

    private AuthFixture f;
    private UnionPrincipal root;
    private long unitA;
    private long unitA1;
    private long unitB;
    private UnionPrincipal adminOfA;

    @Before
    public void setUp() throws Exception {
        f = new AuthFixture();
        f.accounts.ensureInitialOperator(AuthFixture.ADMIN_PASSWORD);
        root = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        long university = f.unit("U", null);
        unitA = f.unit("A", university);
        unitA1 = f.unit("A1", unitA);
        unitB = f.unit("B", university);
        long adminMember = f.member("20000001", unitA);
        AccountDTO adminAccount = f.admin.createForMember(root, adminMember);
        f.admin.resetPassword(root, adminAccount.id(), PASSWORD, false);
        f.admin.grant(root, adminAccount.id(), Roles.UNIT_ADMIN, unitA);
        adminOfA = f.login("20000001", PASSWORD);
    }

    @After
    public void tearDown() throws Exception {
        f.close();
    }

    @Test
    public void createsForActiveMembersOfTheUnitAndBelowWhoHaveNone() {
        f.member("20000002", unitA);
        f.member("20000003", unitA1);
        long retired = f.member("20000004", unitA);
        status(retired, MemberStatus.RETIRED);
        f.member("20000005", unitB);
        long hasOne = f.member("20000006", unitA1);
        long existing = f.admin.createForMember(root, hasOne).id();

        UnitAccounts result = f.admin.createForUnit(adminOfA, unitA, 100);

        assertEquals(List.of("20000002", "20000003"), result.issued().stream().map(IssuedAccount::staffNo).toList());
        assertEquals(0, result.remaining());
        assertEquals("单位 A1", result.issued().get(1).unitName());
        assertEquals("会员 20000003", result.issued().get(1).name());
        // the member who had an account keeps it untouched: still no password
        assertFalse(f.admin.get(root, existing).passwordSet());
        // the one-time passwords in the answer open the accounts, and must be changed
        Set<String> passwords = new HashSet<>();
        for (IssuedAccount issued : result.issued()) {
            assertEquals(16, issued.password().length());
            passwords.add(issued.password());
            assertTrue(f.accounts.login(issued.staffNo(), issued.password(), "t").mustChangePassword());
        }
        assertEquals(2, passwords.size());
        // nobody else got one: not the retired member, not unit B
        assertEquals(0, f.admin.list(root, "20000004", 0, 50).total());
        assertEquals(0, f.admin.list(root, "20000005", 0, 50).total());
        // a second call finds nobody left
        assertEquals(List.of(), f.admin.createForUnit(adminOfA, unitA, 100).issued());
    }

    @Test
    public void aGroupMeansItsMembers() {
        long group = f.unit("A-G1", unitA);
        long inGroup = f.member("20000040", unitA);
        f.member("20000041", unitA);
        f.jpa.tx(em -> em.find(MemberEntity.class, inGroup).setGroupId(group));
        assertEquals(List.of("20000040"),
                f.admin.createForUnit(adminOfA, group, 100).issued().stream().map(IssuedAccount::staffNo).toList());
    }

    @Test
    public void anotherUnitAnswersLikeAnUnknownOne() {
        f.member("20000005", unitB);
        expect(404, "unit.not-found", () -> f.admin.createForUnit(adminOfA, unitB, 100));
        expect(404, "unit.not-found", () -> f.admin.createForUnit(adminOfA, 999_999, 100));
        // a member without an admin role reaches no unit at all
        long plain = f.member("20000007", unitA);
        f.admin.resetPassword(root, f.admin.createForMember(root, plain).id(), PASSWORD, false);
        UnionPrincipal member = f.login("20000007", PASSWORD);
        expect(404, "unit.not-found", () -> f.admin.createForUnit(member, unitA, 100));
        assertEquals(0, f.admin.list(root, "20000005", 0, 50).total());
        // a union-wide caller reaches every unit
        assertEquals(1, f.admin.createForUnit(root, unitB, 100).issued().size());
    }

    @Test
    public void batchesAreBoundedAndSayWhatIsLeft() {
        for (int i = 10; i < 15; i++) {
            f.member("200000" + i, unitA1);
        }
        expect(400, "request.field-invalid", () -> f.admin.createForUnit(root, unitA, 0));
        expect(400, "request.field-invalid",
                () -> f.admin.createForUnit(root, unitA, AccountAdminService.MAX_UNIT_BATCH + 1));
        UnitAccounts first = f.admin.createForUnit(root, unitA, 3);
        assertEquals(List.of("20000010", "20000011", "20000012"), first.issued().stream().map(IssuedAccount::staffNo).toList());
        assertEquals(2, first.remaining());
        UnitAccounts second = f.admin.createForUnit(root, unitA, 3);
        assertEquals(List.of("20000013", "20000014"), second.issued().stream().map(IssuedAccount::staffNo).toList());
        assertEquals(0, second.remaining());
    }

    @Test
    public void aTakenUsernameIsSkippedAndCounted() {
        f.member("20000020", unitA);
        f.admin.createWithoutMember(root, "20000020", Roles.UNION_ADMIN, null);
        UnitAccounts result = f.admin.createForUnit(root, unitA, 100);
        assertEquals(List.of(), result.issued());
        assertEquals(0, result.remaining());
        assertEquals(1, result.taken());
    }

    @Test
    public void theAuditCountsAndNeverHoldsAPassword() {
        f.member("20000030", unitA);
        UnitAccounts result = f.admin.createForUnit(adminOfA, unitA, 100);
        String password = result.issued().get(0).password();
        List<String> lines = f.auditLines();
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.contains("account.create.unit ok 1 accounts")));
        lines.forEach(l -> assertFalse(l, l.contains(password)));
        String hash = f.jpa.txExpr(em -> em.createQuery("select a.passwordHash from AccountEntity a where a.username = :u",
                String.class).setParameter("u", "20000030").getSingleResult());
        assertNotEquals(password, hash);
        assertFalse(hash.contains(password));
    }

    private void status(long memberId, MemberStatus status) {
        f.jpa.tx(em -> em.find(MemberEntity.class, memberId).setStatus(status));
    }
}
