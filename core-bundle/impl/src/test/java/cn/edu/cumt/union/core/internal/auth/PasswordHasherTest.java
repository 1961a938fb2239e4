package cn.edu.cumt.union.core.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    public void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("Correct horse 42");
        assertTrue(hasher.verify("Correct horse 42", hash));
        assertFalse(hasher.verify("Correct horse 43", hash));
        assertFalse(hasher.verify("", hash));
        assertFalse(hasher.verify(null, hash));
    }

    @Test
    public void encodesItsParametersAndUsesAFreshSalt() {
        String first = hasher.hash("same password 1");
        String second = hasher.hash("same password 1");
        assertNotEquals(first, second);
        String[] parts = first.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha512", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, java.util.Base64.getDecoder().decode(parts[2]).length);
        assertEquals(64, java.util.Base64.getDecoder().decode(parts[3]).length);
        assertNotEquals(parts[2], second.split("\\$")[2]);
    }

    @Test
    public void oldIterationCountsStillVerifyButAskForARehash() {
        String old = new PasswordHasher(500).hash("upgrade me 123");
        assertTrue(hasher.verify("upgrade me 123", old));
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("upgrade me 123")));
    }

    @Test
    public void malformedHashesNeverVerify() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", "plain-text"));
        assertFalse(hasher.verify("x", "md5$1000$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "pbkdf2-sha512$notanumber$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "pbkdf2-sha512$1000$!!$AAAA"));
        assertTrue(hasher.needsRehash("plain-text"));
    }

    @Test
    public void defaultIsOwaspIterationCount() {
        assertEquals(210_000, PasswordHasher.DEFAULT_ITERATIONS);
    }

    @Test
    public void randomPasswordsMixClassesAndPassThePolicy() {
        for (int i = 0; i < 200; i++) {
            String password = hasher.randomPassword(16);
            assertEquals(16, password.length());
            PasswordPolicy.check("someone", password);
        }
        assertNotEquals(hasher.randomPassword(24), hasher.randomPassword(24));
    }
}
