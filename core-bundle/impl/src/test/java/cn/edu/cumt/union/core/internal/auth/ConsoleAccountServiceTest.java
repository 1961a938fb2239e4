package cn.edu.cumt.union.core.internal.auth;

import static cn.edu.cumt.union.core.internal.auth.AccountServiceTest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.core.internal.audit.RequestContext;

/** What the union:account-* console commands do, against the real schema on in-memory Derby. */
public class ConsoleAccountServiceTest {

    private AuthFixture f;
    private ConsoleAccountService console;
    private long unitA;

    @Before
    public void setUp() throws Exception {
        f = new AuthFixture();
        f.accounts.ensureInitialOperator(AuthFixture.ADMIN_PASSWORD);
        console = new ConsoleAccountService(f.jpa, f.admin, f.clock);
        long university = f.unit("U", null);
        unitA = f.unit("A01", university);
        f.member("20230001", unitA);
    }

    @After
    public void tearDown() throws Exception {
        f.close();
    }

    @Test
    public void createsAnOperatorWithAOneTimePasswordInTheConsoleUsersName() {
        ConsoleAccountService.Created created = asConsole(() -> console.create("ops2", null, null, null));
        assertEquals("ops2", created.account().username());
        assertNull(created.account().memberId());
        assertEquals(List.of(new RoleGrantDTO(Roles.OPERATOR, null)), created.account().grants());
        assertTrue(created.account().mustChangePassword());
        assertTrue(f.accounts.login("ops2", created.oneTimePassword(), "t").mustChangePassword());
        List<String> audit = f.auditLines();
        assertTrue(audit.toString(), audit.contains("console:it account.create ok ops2 without member, operator"));
        assertTrue(audit.stream().noneMatch(line -> line.contains(created.oneTimePassword())));
    }

    @Test
    public void createsAMembersAccountWithARoleOnAUnitNamedByCode() {
        ConsoleAccountService.Created created = asConsole(
                () -> console.create("20230001", "20230001", Roles.UNIT_ADMIN, "A01"));
        assertNotNull(created.account().memberId());
        assertEquals(List.of(new RoleGrantDTO(Roles.UNIT_ADMIN, unitA)), created.account().grants());
        f.accounts.login("20230001", created.oneTimePassword(), "t");

        ConsoleAccountService.Row row = row("20230001");
        assertEquals("20230001 会员 20230001", row.member());
        assertEquals(List.of(Roles.MEMBER, "unit-admin@A01"), row.roles());
    }

    @Test
    public void createsAUnionAdministratorWithoutMember() {
        ConsoleAccountService.Created created = asConsole(() -> console.create("office1", null, Roles.UNION_ADMIN, null));
        assertEquals(List.of(new RoleGrantDTO(Roles.UNION_ADMIN, null)), created.account().grants());
        assertEquals(List.of(Roles.UNION_ADMIN), row("office1").roles());
    }

    @Test
    public void refusesBadInputsBeforeCreatingAnything() {
        expect(400, "request.field-invalid", () -> console.create("20239999", "20230001", null, null));
        expect(400, "request.field-invalid", () -> console.create("ops3", null, "king", null));
        expect(400, "request.field-invalid", () -> console.create("ops3", null, null, "A01"));
        expect(400, "request.field-invalid", () -> console.create("ops3", null, Roles.UNIT_ADMIN, null));
        expect(400, "request.field-invalid", () -> console.create("bad name!", null, null, null));
        expect(404, "unit.not-found", () -> console.create("ops3", null, Roles.UNIT_ADMIN, "NOPE"));
        expect(404, "unit.not-found", () -> console.create("20230001", "20230001", Roles.UNIT_ADMIN, "NOPE"));
        expect(404, "member.not-found", () -> console.create("20239999", "20239999", null, null));
        expect(409, "account.username-taken", () -> console.create("admin", null, null, null));
        assertEquals(List.of("admin"), console.accounts().stream().map(ConsoleAccountService.Row::username).toList());
    }

    @Test
    public void resetGivesANewOneTimePasswordAndEndsEverySession() {
        String first = console.create("ops2", null, null, null).oneTimePassword();
        String token = f.accounts.login("ops2", first, "t").token();
        String second = asConsole(() -> console.resetPassword("ops2"));
        assertFalse(second.equals(first));
        assertTrue(f.sessions.authenticate(token).isEmpty());
        expect(401, "auth.invalid-credentials", () -> f.accounts.login("ops2", first, "t"));
        assertTrue(f.accounts.login("ops2", second, "t").mustChangePassword());
        assertTrue(f.auditLines().contains("console:it account.password.reset ok random one-time password, must change"));
        expect(404, "account.not-found", () -> console.resetPassword("nobody"));
    }

    @Test
    public void unlockLiftsTheLockOnly() {
        String password = console.create("ops2", null, null, null).oneTimePassword();
        for (int i = 0; i < 10; i++) {
            try {
                f.accounts.login("ops2", "Wrong-Password-1", "t");
            } catch (ApiException expected) {
                // counting up to the lock
            }
        }
        assertNotNull(row("ops2").lockedUntil());
        expect(423, "auth.locked", () -> f.accounts.login("ops2", password, "t"));

        AccountDTO unlocked = asConsole(() -> console.unlock("ops2"));
        assertEquals(0, unlocked.failedLogins());
        assertNull(row("ops2").lockedUntil());
        assertTrue(f.accounts.login("ops2", password, "t").mustChangePassword()); // the password is unchanged
        assertTrue(f.auditLines().contains("console:it account.unlock ok"));
        expect(404, "account.not-found", () -> console.unlock("nobody"));
    }

    @Test
    public void listsEveryAccountByUsernameWithState() {
        console.create("zz-ops", null, null, null);
        console.create("20230001", "20230001", null, null);
        long zz = f.jpa.txExpr(em -> AccountService.findByUsername(em, "zz-ops").getId());
        f.admin.setEnabled(f.login("admin", AuthFixture.ADMIN_PASSWORD), zz, false);
        List<ConsoleAccountService.Row> rows = console.accounts();
        assertEquals(List.of("20230001", "admin", "zz-ops"), rows.stream().map(ConsoleAccountService.Row::username).toList());
        assertEquals(List.of(Roles.OPERATOR, Roles.UNION_ADMIN), rows.get(1).roles());
        assertEquals("", rows.get(1).member());
        assertTrue(rows.get(1).enabled());
        assertFalse(rows.get(2).enabled());
        assertNull(rows.get(2).lockedUntil());
    }

    private ConsoleAccountService.Row row(String username) {
        return console.accounts().stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow();
    }

    private static <T> T asConsole(Supplier<T> work) {
        Object[] result = new Object[1];
        RequestContext.runAs("console:it", "console", () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
