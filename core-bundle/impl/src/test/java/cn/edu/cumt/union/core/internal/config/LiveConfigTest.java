package cn.edu.cumt.union.core.internal.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;

import org.junit.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.core.internal.auth.AuthConfig;

public class LiveConfigTest {

    private static final Logger LOG = LoggerFactory.getLogger(LiveConfigTest.class);

    @Test
    public void aConfigurationInstanceHasTheGivenValuesAndTheDeclaredDefaults() {
        AuthConfig config = LiveConfig.of(AuthConfig.class, Map.of("session_idle_minutes", 5));
        assertEquals(5, config.session_idle_minutes());
        assertEquals(12, config.session_absolute_hours());
        assertEquals(30, LiveConfig.defaults(AuthConfig.class).session_idle_minutes());
    }

    @Test
    public void aValidChangeReplacesTheSettingsAndAnInvalidOneKeepsThemWhole() {
        String current = "old";
        assertEquals("new", LiveConfig.changed(LOG, "test.pid", current, () -> "new"));
        assertSame(current, LiveConfig.changed(LOG, "test.pid", current, () -> {
            throw new IllegalArgumentException("x must be at least 1 (is 0)");
        }));
    }

    @Test
    public void invalidSettingsAtStartGiveTheDefaults() {
        assertEquals("defaults", LiveConfig.initial(LOG, "test.pid", () -> {
            throw new IllegalArgumentException("bad");
        }, () -> "defaults"));
        assertEquals("configured", LiveConfig.initial(LOG, "test.pid", () -> "configured", () -> "defaults"));
    }

    @Test
    public void checksNameTheKeyAsWrittenInTheFile() {
        assertEquals(3, LiveConfig.atLeast("a.b", 3, 1));
        assertEquals("x", LiveConfig.required("a.b", " x "));
        try {
            LiveConfig.atLeast("session.idle.minutes", 0, 1);
            fail("0 accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("session.idle.minutes must be at least 1 (is 0)"));
        }
        try {
            LiveConfig.required("plugin.folder", " ");
            fail("blank accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("plugin.folder"));
        }
    }

    @Test
    public void aSecretComesFromItsPrivateKeyFirstThenFromTheOldPublicOne() {
        assertEquals("private", LiveConfig.secret(LOG, "test.pid", "x.password", "private", "public"));
        assertEquals("public", LiveConfig.secret(LOG, "test.pid", "x.password", "", "public"));
        assertEquals("", LiveConfig.secret(LOG, "test.pid", "x.password", "", null));
    }

    @Test
    public void theFirstOperatorPasswordIsAPrivatePropertyByTheDsNamingRules() throws Exception {
        // DS 112.8.2.1: a leading underscore becomes the leading dot of a private property (112.6).
        assertEquals(String.class, AuthConfig.class.getMethod("_initial_admin_password").getReturnType());
    }
}
