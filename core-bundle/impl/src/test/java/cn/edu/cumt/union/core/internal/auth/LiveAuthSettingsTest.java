package cn.edu.cumt.union.core.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.core.internal.config.LiveConfig;

/** A change of etc/cn.edu.cumt.union.auth.cfg applies in place in each of the three services, or not at all. */
public class LiveAuthSettingsTest {

    private AuthFixture f;
    private Map<String, Object> cfg;

    @Before
    public void setUp() throws Exception {
        f = new AuthFixture();
        f.accounts.ensureInitialOperator(AuthFixture.ADMIN_PASSWORD);
        // what the file says; the key file lives in the fixture's folder
        cfg = new HashMap<>(Map.of("token_key_file", f.dataDir.resolve("union/token.key").toString(),
                "initial_admin_password_file", f.initialPasswordFile.toString(), "password_iterations", 1_000));
        changeAll();
    }

    @After
    public void tearDown() throws Exception {
        f.close();
    }

    private AuthConfig config() {
        return LiveConfig.of(AuthConfig.class, cfg);
    }

    private void changeAll() {
        f.sessions.modified(config());
        f.accounts.modified(config());
        f.admin.modified(config());
    }

    @Test
    public void aNewSessionLifetimeHoldsForTheNextLoginAndOpenSessionsStay() {
        String before = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "test").token();
        cfg.put("session_absolute_hours", 2);
        changeAll();
        LoginDTO login = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "test");
        long hours = Duration.between(Instant.now(), login.expiresAt()).toMinutes();
        assertTrue("about 2 hours: " + hours + " min", hours > 110 && hours <= 120);
        assertTrue("a session opened before still works", f.sessions.authenticate(before).isPresent());
    }

    @Test
    public void aNewKeyFileSignsFromNowOnAndEndsTokensOfTheOldKey() {
        String before = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "test").token();
        assertTrue(f.sessions.authenticate(before).isPresent());
        cfg.put("token_key_file", f.dataDir.resolve("union/other.key").toString());
        changeAll();
        assertTrue("the key was written", java.nio.file.Files.exists(f.dataDir.resolve("union/other.key")));
        assertFalse(f.sessions.authenticate(before).isPresent());
        String after = f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "test").token();
        assertTrue(f.sessions.authenticate(after).isPresent());
    }

    @Test
    public void anInvalidValueKeepsEverySettingOfTheOldOnes() {
        SessionService.Settings sessions = f.sessions.settings();
        AccountService.Settings accounts = f.accounts.settings();
        PasswordHasher adminHasher = f.admin.hasher();
        // one good change and one bad one in the same file: nothing of it applies
        cfg.put("session_absolute_hours", 3);
        cfg.put("password_iterations", 2_000);
        cfg.put("session_idle_minutes", 0);
        cfg.put("login_lock_after", 0);
        changeAll();
        assertSame(accounts, f.accounts.settings());
        assertSame(adminHasher, f.admin.hasher());
        assertEquals(Duration.ofHours(12), f.sessions.settings().absoluteLimit());
        assertSame(sessions, f.sessions.settings());
        cfg.put("session_idle_minutes", 30);
        cfg.put("login_lock_after", 10);
        changeAll();
        assertEquals(Duration.ofHours(3), f.sessions.settings().absoluteLimit());
        assertEquals(2_000, f.accounts.settings().hasher().iterations());
        assertEquals(2_000, f.admin.hasher().iterations());
    }

    @Test
    public void newLoginLimitsHoldFromTheNextAttempt() {
        cfg.put("login_delay_after", 1);
        cfg.put("login_lock_after", 2);
        changeAll();
        expect(401, () -> f.accounts.login("admin", "Wrong-Password-1", "test"));
        expect(423, () -> f.accounts.login("admin", "Wrong-Password-1", "test"));
        assertEquals(1, f.sleeps.size()); // the second attempt came after one failure: delayed
    }

    @Test
    public void newIterationsHashTheNextPasswordAndUpgradeAtLogin() {
        cfg.put("password_iterations", 1_500);
        changeAll();
        String hash = f.jpa.txExpr(em -> em.createQuery("select a.passwordHash from AccountEntity a", String.class)
                .getSingleResult());
        assertTrue(hash, hash.contains("$1000$"));
        f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, "test");
        String upgraded = f.jpa.txExpr(em -> em.createQuery("select a.passwordHash from AccountEntity a", String.class)
                .getSingleResult());
        assertNotEquals(hash, upgraded);
        assertTrue(upgraded, upgraded.contains("$1500$"));
    }

    private static void expect(int status, Runnable call) {
        try {
            call.run();
            fail("expected " + status);
        } catch (ApiException e) {
            assertEquals(e.code(), status, e.status());
        }
    }
}
