package cn.edu.cumt.union.core.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.security.Authentication;

/** Login, lockout and password changes against the real schema on in-memory Derby. */
public class AccountServiceTest extends WithInitialOperator {

    private static final String PASSWORD = "Right-Password-1";

    @Test
    public void configuredInitialOperatorCanLogInAndNoFileIsWritten() {
        LoginDTO login = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "test");
        assertFalse(login.mustChangePassword());
        UnionPrincipal admin = f.sessions.authenticate(login.token()).orElseThrow().principal();
        assertEquals(Set.of(Roles.OPERATOR, Roles.UNION_ADMIN, Roles.UNIT_ADMIN), admin.roles());
        assertFalse(Files.exists(f.initialPasswordFile));
        f.accounts.ensureInitialOperator("Another-Password-9"); // accounts exist: nothing happens
        assertEquals(1, f.admin.list(admin, null, 0, 10).total());
    }

    @Test
    public void randomInitialOperatorPasswordGoesToAnOwnerOnlyFile() throws Exception {
        try (AuthFixture fresh = new AuthFixture()) {
            fresh.accounts.ensureInitialOperator("");
            String password = Files.readString(fresh.initialPasswordFile, StandardCharsets.UTF_8).strip();
            assertEquals(AccountService.INITIAL_PASSWORD_LENGTH, password.length());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.initialPasswordFile)));
            LoginDTO login = fresh.accounts.login("admin", password, "test");
            assertTrue(login.mustChangePassword());
            UnionPrincipal admin = fresh.sessions.authenticate(login.token()).orElseThrow().principal();
            fresh.accounts.changePassword(admin, password, "Chosen-By-Root-7");
            assertFalse(Files.exists(fresh.initialPasswordFile)); // useless once changed
            assertFalse(fresh.accounts.login("admin", "Chosen-By-Root-7", "test").mustChangePassword());
            assertTrue(fresh.auditLines().stream().noneMatch(line -> line.contains(password)));
        }
    }

    @Test
    public void weakConfiguredInitialPasswordFallsBackToARandomOne() throws Exception {
        try (AuthFixture fresh = new AuthFixture()) {
            fresh.accounts.ensureInitialOperator("short");
            assertTrue(Files.exists(fresh.initialPasswordFile));
            expect(401, "auth.invalid-credentials", () -> fresh.accounts.login("admin", "short", "test"));
        }
    }

    @Test
    public void unknownUserAndWrongPasswordLookTheSame() {
        ApiException unknown = expect(401, "auth.invalid-credentials", () -> f.accounts.login("nobody", PASSWORD, "t"));
        ApiException wrong = expect(401, "auth.invalid-credentials", () -> f.accounts.login("admin", PASSWORD, "t"));
        assertEquals(unknown.messageZh(), wrong.messageZh());
        assertEquals(unknown.messageEn(), wrong.messageEn());
    }

    @Test
    public void failuresSlowDownThenLockThenTheLockLiftsByItself() {
        for (int attempt = 1; attempt <= 9; attempt++) {
            expect(401, "auth.invalid-credentials", () -> f.accounts.login("admin", "Wrong-Password-1", "t"));
        }
        // no delay for the first three attempts, then 250 ms doubling up to 2 s
        assertEquals(List.of(ms(250), ms(500), ms(1000), ms(2000), ms(2000), ms(2000)), f.sleeps);
        ApiException locking = expect(423, "auth.locked", () -> f.accounts.login("admin", "Wrong-Password-1", "t"));
        assertTrue(locking.messageEn(),
                locking.messageEn().endsWith("locked until 2026-03-01T08:15:00Z and then unlocks by itself"));
        // even the right password is refused while locked, and without any hashing delay
        int sleepsBefore = f.sleeps.size();
        expect(423, "auth.locked", () -> f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "t"));
        assertEquals(sleepsBefore, f.sleeps.size());

        f.clock.advance(Duration.ofMinutes(15));
        LoginDTO login = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "t");
        assertTrue(f.sessions.authenticate(login.token()).isPresent());
        assertEquals(0, failedLogins("admin"));

        List<String> audit = f.auditLines();
        assertEquals(10, audit.stream().filter(l -> l.equals("admin auth.login failed wrong password")).count());
        assertEquals(1, audit.stream().filter(l -> l.startsWith("admin auth.lockout ok 10 failed logins")).count());
        assertEquals(1, audit.stream().filter(l -> l.equals("admin auth.login denied locked")).count());
        assertTrue(audit.contains("admin auth.login ok"));
        assertTrue(audit.stream().noneMatch(l -> l.contains("Wrong-Password-1") || l.contains(AuthFixture.ADMIN_PASSWORD)));
    }

    @Test
    public void afterALockLiftsFewerFailuresLockAgain() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            try {
                f.accounts.login("admin", "Wrong-Password-1", "t");
            } catch (ApiException expected) {
                // 401 then 423
            }
        }
        f.clock.advance(Duration.ofMinutes(16));
        f.sleeps.clear();
        for (int attempt = 1; attempt <= 6; attempt++) {
            expect(401, "auth.invalid-credentials", () -> f.accounts.login("admin", "Wrong-Password-1", "t"));
        }
        assertEquals(ms(250), f.sleeps.get(0)); // still slowed from the first attempt
        expect(423, "auth.locked", () -> f.accounts.login("admin", "Wrong-Password-1", "t"));
    }

    @Test
    public void successResetsTheCount() {
        expect(401, "auth.invalid-credentials", () -> f.accounts.login("admin", "Wrong-Password-1", "t"));
        expect(401, "auth.invalid-credentials", () -> f.accounts.login("admin", "Wrong-Password-1", "t"));
        assertEquals(2, failedLogins("admin"));
        f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "t");
        assertEquals(0, failedLogins("admin"));
    }

    @Test
    public void disabledAccountsAndAccountsWithoutPasswordCannotLogIn() {
        UnionPrincipal admin = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        long unit = f.unit("A", null);
        long member = f.member("20050001", unit);
        AccountDTO account = f.admin.createForMember(admin, member);
        assertFalse(account.passwordSet());
        expect(401, "auth.invalid-credentials", () -> f.accounts.login("20050001", "", "t"));

        f.admin.resetPassword(admin, account.id(), PASSWORD, false);
        String token = f.accounts.login("20050001", PASSWORD, "t").token();
        assertEquals(Set.of(Roles.MEMBER), f.sessions.authenticate(token).orElseThrow().principal().roles());
        f.admin.setEnabled(admin, account.id(), false);
        assertTrue(f.sessions.authenticate(token).isEmpty());
        expect(401, "auth.invalid-credentials", () -> f.accounts.login("20050001", PASSWORD, "t"));
        f.admin.setEnabled(admin, account.id(), true);
        f.login("20050001", PASSWORD);
    }

    @Test
    public void changingThePasswordEndsOtherSessionsOnly() {
        String first = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "one").token();
        String second = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "two").token();
        UnionPrincipal caller = f.sessions.authenticate(first).orElseThrow().principal();
        assertTrue(f.sessions.authenticate(second).isPresent());

        expect(400, "auth.password-wrong", () -> f.accounts.changePassword(caller, "Not-The-Password-1", "New-Password-77"));
        expect(400, "auth.password-weak", () -> f.accounts.changePassword(caller, AuthFixture.ADMIN_PASSWORD, "short"));
        expect(400, "auth.password-reused",
                () -> f.accounts.changePassword(caller, AuthFixture.ADMIN_PASSWORD, AuthFixture.ADMIN_PASSWORD));
        f.accounts.changePassword(caller, AuthFixture.ADMIN_PASSWORD, "New-Password-77");

        assertTrue(f.sessions.authenticate(first).isPresent());
        assertTrue(f.sessions.authenticate(second).isEmpty());
        expect(401, "auth.invalid-credentials", () -> f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "t"));
        f.accounts.login("admin", "New-Password-77", "t");
    }

    @Test
    public void aSessionThatMustChangeItsPasswordIsFlaggedUntilItDoes() {
        UnionPrincipal admin = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        long unit = f.unit("A", null);
        long account = f.admin.createForMember(admin, f.member("20050003", unit)).id();
        String oneTime = f.admin.resetPassword(admin, account, null, false).password();
        String token = f.accounts.login("20050003", oneTime, "t").token();
        Authentication first = f.sessions.authenticate(token).orElseThrow();
        assertTrue(first.mustChangePassword());
        assertTrue(f.sessions.authenticate(token).orElseThrow().mustChangePassword()); // cached, still flagged

        f.accounts.changePassword(first.principal(), oneTime, "Own-Choice-Pass-3");
        Authentication after = f.sessions.authenticate(token).orElseThrow();
        assertFalse(after.mustChangePassword()); // the same session, reloaded
        assertEquals(first.principal().sessionId(), after.principal().sessionId());

        String second = f.admin.resetPassword(admin, account, null, true).password();
        assertTrue(f.sessions.authenticate(token).isEmpty()); // a reset ends every session
        String again = f.accounts.login("20050003", second, "t").token();
        assertTrue(f.sessions.authenticate(again).orElseThrow().mustChangePassword());
    }

    @Test
    public void loginUpgradesAnOldHash() {
        String old = new PasswordHasher(500).hash(AuthFixture.ADMIN_PASSWORD);
        f.jpa.tx(em -> AccountService.findByUsername(em, "admin").setPasswordHash(old, f.clock.instant()));
        f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "t");
        String upgraded = f.jpa.txExpr(em -> AccountService.findByUsername(em, "admin").getPasswordHash());
        assertTrue(upgraded, upgraded.startsWith("pbkdf2-sha512$1000$"));
        f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "t");
    }

    @Test
    public void logoutEndsTheSession() {
        String token = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "t").token();
        UnionPrincipal caller = f.sessions.authenticate(token).orElseThrow().principal();
        f.accounts.logout(caller);
        assertTrue(f.sessions.authenticate(token).isEmpty());
    }

    @Test
    public void meShowsRolesAndTheMemberRecord() {
        UnionPrincipal admin = f.login("admin", AuthFixture.ADMIN_PASSWORD);
        MeDTO me = f.accounts.me(admin);
        assertEquals("admin", me.username());
        assertEquals(List.of(Roles.OPERATOR, Roles.UNION_ADMIN, Roles.UNIT_ADMIN), me.roles());
        assertEquals(null, me.member());

        long unit = f.unit("A", null);
        long member = f.member("20050002", unit);
        AccountDTO account = f.admin.createForMember(admin, member);
        f.admin.resetPassword(admin, account.id(), PASSWORD, true);
        LoginDTO login = f.accounts.login("20050002", PASSWORD, "t");
        assertTrue(login.mustChangePassword());
        MeDTO memberMe = f.accounts.me(f.sessions.authenticate(login.token()).orElseThrow().principal());
        assertEquals("20050002", memberMe.member().staffNo());
        assertEquals(unit, memberMe.member().unitId());
        assertTrue(memberMe.mustChangePassword());
    }

    private int failedLogins(String username) {
        return f.jpa.txExpr(em -> AccountService.findByUsername(em, username).getFailedLogins());
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    static ApiException expect(int status, String code, Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            assertEquals(e.messageEn(), code, e.code());
            assertEquals(e.messageEn(), status, e.status());
            return e;
        }
        fail("expected " + status + " " + code);
        return null;
    }
}
