package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

/** The browser session's rules: cookie flags, the CSRF proof and the Origin check, each tried by a forger. */
public class BrowserSessionTest {

    private static final String OWN = "http://union.cumt.edu.cn:8181";

    @Test
    public void theSessionCookieIsHttpOnlyAndStrictTheCsrfCookieReadable() {
        List<String> cookies = BrowserSession.openingCookies("tok.en.sig", "csrf1", false);
        assertEquals("union_session=tok.en.sig; Path=/; HttpOnly; SameSite=Strict", cookies.get(0));
        assertEquals("union_csrf=csrf1; Path=/; SameSite=Strict", cookies.get(1));
    }

    @Test
    public void overHttpsBothCookiesAreSecure() {
        for (String cookie : BrowserSession.openingCookies("t", "c", true)) {
            assertTrue(cookie, cookie.contains("; Secure"));
        }
        for (String cookie : BrowserSession.clearingCookies(true)) {
            assertTrue(cookie, cookie.contains("; Secure") && cookie.contains("Max-Age=0"));
        }
    }

    @Test
    public void clearingEmptiesBothCookies() {
        List<String> cookies = BrowserSession.clearingCookies(false);
        assertTrue(cookies.get(0).startsWith("union_session=; Path=/; Max-Age=0"));
        assertTrue(cookies.get(0).contains("HttpOnly"));
        assertTrue(cookies.get(1).startsWith("union_csrf=; Path=/; Max-Age=0"));
    }

    @Test
    public void onlyReadsAreSafe() {
        assertFalse(BrowserSession.changesState("GET"));
        assertFalse(BrowserSession.changesState("head"));
        assertFalse(BrowserSession.changesState("OPTIONS"));
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "PROPFIND")) {
            assertTrue(method, BrowserSession.changesState(method));
        }
    }

    @Test
    public void theRightTokenFromOurOwnPagePasses() {
        BrowserSession.checkProof("abc", "abc", OWN, OWN);
        BrowserSession.checkProof("abc", "abc", null, OWN); // no Origin: the token alone decides
        BrowserSession.checkProof("abc", "abc", "HTTP://Union.CUMT.edu.cn:8181", OWN);
    }

    @Test
    public void aMissingOrWrongTokenIsRefused() {
        assertCsrf(() -> BrowserSession.checkProof("abc", null, OWN, OWN));
        assertCsrf(() -> BrowserSession.checkProof("abc", "", OWN, OWN));
        assertCsrf(() -> BrowserSession.checkProof("abc", "abd", OWN, OWN));
        assertCsrf(() -> BrowserSession.checkProof("abc", "abcd", OWN, OWN));
        assertCsrf(() -> BrowserSession.checkProof("abc", "ab", OWN, OWN));
    }

    @Test
    public void aForeignOriginIsRefusedEvenWithTheRightToken() {
        for (String origin : List.of("http://evil.example", "https://union.cumt.edu.cn:8181", "http://union.cumt.edu.cn",
                "http://union.cumt.edu.cn:8182", "http://union.cumt.edu.cn.evil.example:8181", "null", "",
                "http://union.cumt.edu.cn:8181/path", "union.cumt.edu.cn:8181")) {
            assertCsrf(() -> BrowserSession.checkProof("abc", "abc", origin, OWN));
            assertCsrf(() -> BrowserSession.checkOrigin(origin, OWN));
        }
    }

    @Test
    public void defaultPortsAreTheSameOrigin() {
        assertTrue(BrowserSession.sameOrigin("https://u.example", "https://u.example:443"));
        assertTrue(BrowserSession.sameOrigin("http://u.example:80", "http://u.example"));
        assertFalse(BrowserSession.sameOrigin("http://u.example", "https://u.example"));
    }

    @Test
    public void theOwnOriginFollowsTheSchemeAndHost() {
        assertEquals("https://u.example", BrowserSession.ownOrigin(true, "u.example"));
        assertEquals("http://u.example:8181", BrowserSession.ownOrigin(false, " u.example:8181 "));
    }

    @Test
    public void onlyATrustedProxySaysHttps() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.5");
        assertTrue(proxies.forwardedHttps("10.0.0.5", "https"));
        assertTrue(proxies.forwardedHttps("10.0.0.5", "HTTPS, http"));
        assertFalse(proxies.forwardedHttps("10.0.0.5", "http"));
        assertFalse(proxies.forwardedHttps("10.0.0.5", null));
        assertFalse(proxies.forwardedHttps("203.0.113.9", "https"));
        assertFalse(TrustedProxies.NONE.forwardedHttps("10.0.0.5", "https"));
    }

    private static void assertCsrf(org.junit.function.ThrowingRunnable attempt) {
        ApiException refused = assertThrows(ApiException.class, attempt);
        assertEquals(403, refused.status());
        assertEquals("auth.csrf", refused.code());
    }
}
