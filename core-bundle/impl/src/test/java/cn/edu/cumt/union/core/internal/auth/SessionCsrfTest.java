package cn.edu.cumt.union.core.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;

import java.time.Duration;
import java.util.Arrays;

import org.junit.Test;

/** A session's CSRF value: stable for the session, worthless for another session or under another key. */
public class SessionCsrfTest {

    private static SessionService withKey(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return new SessionService(null, Duration.ofMinutes(30), Duration.ofHours(12), key);
    }

    @Test
    public void boundToTheSessionAndTheKey() {
        SessionService sessions = withKey((byte) 1);
        String csrf = sessions.csrfToken("session-a");
        assertEquals(csrf, sessions.csrfToken("session-a"));
        assertNotEquals(csrf, sessions.csrfToken("session-b"));
        assertNotEquals(csrf, withKey((byte) 2).csrfToken("session-a"));
    }

    @Test
    public void neverTheSessionIdItself() {
        String csrf = withKey((byte) 1).csrfToken("session-a");
        assertFalse(csrf.contains("session-a"));
        assertEquals(43, csrf.length()); // 256 bits, base64url without padding: safe in a cookie and a header
    }
}
