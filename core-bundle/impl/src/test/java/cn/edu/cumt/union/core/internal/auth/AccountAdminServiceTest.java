package cn.edu.cumt.union.core.internal.auth;

import static cn.edu.cumt.union.core.internal.auth.AccountServiceTest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** Who may administer which account, against the real schema on in-memory Derby. */
public class AccountAdminServiceTest {

    private static final String PASSWORD = "Right-Password-1";

    private AuthFixture f;
    private UnionPrincipal root;
    private long unitA;
    private long unitA1;
    private long unitB;
    private long memberA;
    private long memberA1;
    private long memberB;
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
        long adminMember = f.member("10000001", unitA);
        memberA = f.member("10000002", unitA);
        memberA1 = f.member("10000003", unitA1);
        memberB = f.member("10000004", unitB);
        AccountDTO adminAccount = f.admin.createForMember(root, adminMember);
        f.admin.resetPassword(root, adminAccount.id(), PASSWORD, false);
        f.admin.grant(root, adminAccount.id(), Roles.UNIT_ADMIN, unitA);
        adminOfA = f.login("10000001", PASSWORD);
    }

    @After
    public void tearDown() throws Exception {
        f.close();
    }

    @Test
    public void unitAdminCreatesAndResetsOnlyInTheirUnitsAndBelow() {
        assertEquals(Set.of(unitA), adminOfA.adminUnitIds());
        AccountDTO a1 = f.admin.createForMember(adminOfA, memberA1);
        assertEquals("10000003", a1.username());
        expect(404, "member.not-found", () -> f.admin.createForMember(adminOfA, memberB));
        expect(409, "account.exists", () -> f.admin.createForMember(adminOfA, memberA1));

        PasswordResetDTO reset = f.admin.resetPassword(adminOfA, a1.id(), null, false);
        assertNotNull(reset.password());
        assertTrue(reset.mustChangePassword()); // a generated password must always be changed
        assertTrue(f.accounts.login("10000003", reset.password(), "t").mustChangePassword());

        long accountB = f.admin.createForMember(root, memberB).id();
        expect(404, "account.not-found", () -> f.admin.resetPassword(adminOfA, accountB, null, true));
        expect(404, "account.not-found", () -> f.admin.get(adminOfA, accountB));
        expect(404, "account.not-found", () -> f.admin.resetPassword(adminOfA, root.accountId(), null, true));
    }

    @Test
    public void listsAreScopedToo() {
        f.admin.createForMember(root, memberA);
        f.admin.createForMember(root, memberB);
        List<String> seen = f.admin.list(adminOfA, null, 0, 50).items().stream().map(AccountDTO::username).toList();
        assertEquals(List.of("10000001", "10000002"), seen);
        assertEquals(4, f.admin.list(root, null, 0, 50).total());
        assertEquals(0, f.admin.list(root, "100000004", 0, 50).total());
        assertEquals(1, f.admin.list(root, "10000004", 0, 50).total());
    }

    @Test
    public void unitAdminGrantsNothingAboveUnitAdmin() {
        long a1 = f.admin.createForMember(adminOfA, memberA1).id();
        expect(403, "account.rank", () -> f.admin.grant(adminOfA, a1, Roles.UNION_ADMIN, null));
        expect(403, "account.rank", () -> f.admin.grant(adminOfA, a1, Roles.OPERATOR, null));
        expect(404, "unit.not-found", () -> f.admin.grant(adminOfA, a1, Roles.UNIT_ADMIN, unitB));
        AccountDTO granted = f.admin.grant(adminOfA, a1, Roles.UNIT_ADMIN, unitA1);
        assertEquals(List.of(new RoleGrantDTO(Roles.UNIT_ADMIN, unitA1)), granted.grants());
        expect(403, "auth.forbidden", () -> f.admin.setEnabled(adminOfA, a1, false));
    }

    @Test
    public void unitAdminMayNotTouchAHigherAccountInTheirUnit() {
        long a = f.admin.createForMember(root, memberA).id();
        f.admin.grant(root, a, Roles.UNION_ADMIN, null);
        expect(403, "account.rank", () -> f.admin.resetPassword(adminOfA, a, null, true));
    }

    @Test
    public void rolesApplyToTheNextRequestAndInputsAreChecked() {
        String token = f.accounts.login("10000001", PASSWORD, "t").token();
        assertEquals(Set.of(unitA), f.sessions.authenticate(token).orElseThrow().principal().adminUnitIds());
        f.admin.grant(root, adminOfA.accountId(), Roles.UNIT_ADMIN, unitB);
        assertEquals(Set.of(unitA, unitB), f.sessions.authenticate(token).orElseThrow().principal().adminUnitIds());
        f.admin.revoke(root, adminOfA.accountId(), Roles.UNIT_ADMIN, unitA);
        assertEquals(Set.of(unitB), f.sessions.authenticate(token).orElseThrow().principal().adminUnitIds());

        expect(400, "request.field-invalid", () -> f.admin.grant(root, adminOfA.accountId(), Roles.UNIT_ADMIN, null));
        expect(400, "request.field-invalid", () -> f.admin.grant(root, adminOfA.accountId(), Roles.UNION_ADMIN, unitA));
        expect(400, "request.field-invalid", () -> f.admin.grant(root, adminOfA.accountId(), "king", null));
        expect(400, "request.field-invalid", () -> f.admin.grant(root, adminOfA.accountId(), Roles.MEMBER, null));
        expect(404, "unit.not-found", () -> f.admin.grant(root, adminOfA.accountId(), Roles.UNIT_ADMIN, 9999L));
        expect(404, "account.role-not-found", () -> f.admin.revoke(root, adminOfA.accountId(), Roles.OPERATOR, null));
    }

    @Test
    public void theLastOperatorStays() {
        expect(409, "account.last-operator", () -> f.admin.revoke(root, root.accountId(), Roles.OPERATOR, null));
        expect(409, "account.self", () -> f.admin.setEnabled(root, root.accountId(), false));
        AccountDTO second = f.admin.createOperator(root, "ops2");
        assertEquals(List.of(new RoleGrantDTO(Roles.OPERATOR, null)), second.grants());
        // ops2 has no password yet: nobody could log in as an operator after this
        expect(409, "account.last-operator", () -> f.admin.revoke(root, root.accountId(), Roles.OPERATOR, null));
        f.admin.resetPassword(root, second.id(), null, true);
        f.admin.revoke(root, root.accountId(), Roles.OPERATOR, null);
        expect(409, "account.last-operator", () -> f.admin.setEnabled(root, second.id(), false));
    }

    @Test
    public void aDisabledOperatorDoesNotCountEither() {
        AccountDTO second = f.admin.createOperator(root, "ops2");
        f.admin.resetPassword(root, second.id(), null, true);
        f.admin.setEnabled(root, second.id(), false);
        expect(409, "account.last-operator", () -> f.admin.revoke(root, root.accountId(), Roles.OPERATOR, null));
        // and an operator may not revoke the role of the only other usable one
        f.admin.setEnabled(root, second.id(), true);
        f.admin.revoke(root, second.id(), Roles.OPERATOR, null);
        expect(409, "account.last-operator", () -> f.admin.revoke(root, root.accountId(), Roles.OPERATOR, null));
    }

    @Test
    public void onlyOperatorsCreateOrManageOperators() {
        long a = f.admin.createForMember(root, memberA).id();
        f.admin.resetPassword(root, a, PASSWORD, false);
        f.admin.grant(root, a, Roles.UNION_ADMIN, null);
        UnionPrincipal unionAdmin = f.login("10000002", PASSWORD);
        expect(403, "auth.forbidden", () -> f.admin.createOperator(unionAdmin, "ops3"));
        expect(403, "account.rank", () -> f.admin.resetPassword(unionAdmin, root.accountId(), null, true));
        expect(403, "account.rank", () -> f.admin.grant(unionAdmin, a, Roles.OPERATOR, null));
        expect(400, "request.field-invalid", () -> f.admin.createOperator(root, "bad name!"));
        expect(409, "account.username-taken", () -> f.admin.createOperator(root, "admin"));
    }

    @Test
    public void unlockIsScopedLikeEverythingElse() {
        long a1 = f.admin.createForMember(root, memberA1).id();
        long b = f.admin.createForMember(root, memberB).id();
        f.jpa.tx(em -> em.find(AccountEntity.class, a1).setLockedUntil(f.clock.instant().plusSeconds(600)));
        assertNotNull(f.admin.get(root, a1).lockedUntil());
        assertNull(f.admin.unlock(adminOfA, a1).lockedUntil());
        assertNull(f.admin.get(root, a1).lockedUntil());
        expect(404, "account.not-found", () -> f.admin.unlock(adminOfA, b));
        expect(404, "account.not-found", () -> f.admin.unlock(adminOfA, root.accountId()));
    }

    @Test
    public void resetEndsSessionsAndLiftsTheLock() {
        String token = f.accounts.login("10000001", PASSWORD, "t").token();
        for (int i = 0; i < 10; i++) {
            try {
                f.accounts.login("10000001", "Wrong-Password-1", "t");
            } catch (cn.edu.cumt.union.api.rest.ApiException expected) {
                // counting up to the lock
            }
        }
        expect(423, "auth.locked", () -> f.accounts.login("10000001", PASSWORD, "t"));
        PasswordResetDTO reset = f.admin.resetPassword(root, adminOfA.accountId(), "Brand-New-Secret-5", true);
        assertNull(reset.password());
        assertTrue(f.sessions.authenticate(token).isEmpty());
        assertTrue(f.accounts.login("10000001", "Brand-New-Secret-5", "t").mustChangePassword());
        expect(400, "auth.password-weak", () -> f.admin.resetPassword(root, adminOfA.accountId(), "weak", true));
        assertTrue(f.auditLines().stream().noneMatch(l -> l.contains("Brand-New-Secret-5")));
    }
}
