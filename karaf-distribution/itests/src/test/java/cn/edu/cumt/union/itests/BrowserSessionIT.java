package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The browser session over real HTTP, tried the way a forging site or a thief would: a cookie
 * without the CSRF header, with a wrong one, from a foreign Origin, after logout; the bearer API
 * beside it unchanged.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrowserSessionIT extends UnionKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ_ALL = "/api/me/notifications/read-all";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String member;

    @Before
    public void aMember() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        Rest admin = asAdmin();
        Fixtures.unit(admin, "BSA");
        Fixtures.importMembers(admin, "BS0001,<img src=x onerror=alert(1)>,F,1980-01-02,13800000201,bs1@cumt.edu.cn,BSA,ACTIVE,\n");
        member = Fixtures.account(admin, "BS0001", null);
    }

    /** A browser session: the cookies' values and flags as the server set them. */
    private record Session(String token, String csrf, String sessionCookie, String csrfCookie, JsonNode body) {
    }

    private Session open(String... headers) {
        HttpResponse<String> reply = send("POST", "/api/auth/session",
                "{\"username\":\"" + member + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}", headers);
        assertEquals(reply.body(), 200, reply.statusCode());
        List<String> cookies = reply.headers().allValues("Set-Cookie");
        String session = cookies.stream().filter(c -> c.startsWith("union_session=")).findFirst().orElseThrow();
        String csrf = cookies.stream().filter(c -> c.startsWith("union_csrf=")).findFirst().orElseThrow();
        return new Session(value(session), value(csrf), session, csrf, json(reply.body()));
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    public void theTokenIsInAnHttpOnlyStrictCookieOnly() {
        Session session = open();
        assertTrue(session.sessionCookie(), session.sessionCookie().contains("; HttpOnly"));
        assertTrue(session.sessionCookie(), session.sessionCookie().contains("; SameSite=Strict"));
        assertTrue(session.sessionCookie(), session.sessionCookie().contains("; Path=/"));
        assertFalse("plain HTTP: not Secure", session.sessionCookie().contains("Secure"));
        assertFalse("the page must read the CSRF value", session.csrfCookie().contains("HttpOnly"));
        assertTrue(session.csrfCookie(), session.csrfCookie().contains("; SameSite=Strict"));
        assertEquals(session.csrf(), session.body().path("csrfToken").asText());
        assertFalse("the token is never in the body", session.body().has("token"));
        assertFalse(session.body().toString().contains(session.token()));
        assertNotNull(session.body().path("expiresAt").asText(null));
        assertEquals(session.body().toString(), false, session.body().path("mustChangePassword").asBoolean(true));

        HttpResponse<String> me = send("GET", "/api/me", null, "Cookie", "union_session=" + session.token());
        assertEquals(me.body(), 200, me.statusCode());
        assertEquals(member, json(me.body()).path("username").asText());
    }

    @Test
    public void aSpoofedForwardedProtoFromAnUntrustedPeerDoesNotMakeItSecure() {
        // no trusted proxy is configured: the header could come from anyone, so it is ignored
        assertFalse(open("X-Forwarded-Proto", "https").sessionCookie().contains("Secure"));
    }

    @Test
    public void aStateChangingRequestNeedsTheSessionsCsrfValue() {
        Session session = open();
        Session other = open();
        String cookie = "union_session=" + session.token();
        assertCsrfRefused(send("POST", READ_ALL, null, "Cookie", cookie));
        assertCsrfRefused(send("POST", READ_ALL, null, "Cookie", cookie, "X-CSRF-Token", "forged"));
        assertCsrfRefused(send("POST", READ_ALL, null, "Cookie", cookie, "X-CSRF-Token", other.csrf()));
        // the CSRF cookie itself proves nothing: a forging site's request carries it too
        assertCsrfRefused(send("POST", READ_ALL, null, "Cookie", cookie + "; union_csrf=" + session.csrf()));
        assertCsrfRefused(send("DELETE", "/api/auth/session", null, "Cookie", cookie));

        HttpResponse<String> ok = send("POST", READ_ALL, null, "Cookie", cookie, "X-CSRF-Token", session.csrf());
        assertEquals(ok.body(), 200, ok.statusCode());
        HttpResponse<String> sameOrigin = send("POST", READ_ALL, null, "Cookie", cookie, "X-CSRF-Token", session.csrf(),
                "Origin", rest().baseUrl());
        assertEquals(sameOrigin.body(), 200, sameOrigin.statusCode());
        // reads need no proof
        assertEquals(200, send("GET", "/api/me", null, "Cookie", cookie).statusCode());
    }

    @Test
    public void aForeignOriginIsRefusedEvenWithTheRightCsrfValue() {
        Session session = open();
        for (String origin : List.of("http://evil.example", "null", rest().baseUrl().replace("http:", "https:"))) {
            assertCsrfRefused(send("POST", READ_ALL, null, "Cookie", "union_session=" + session.token(),
                    "X-CSRF-Token", session.csrf(), "Origin", origin));
        }
        HttpResponse<String> login = send("POST", "/api/auth/session",
                "{\"username\":\"" + member + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}", "Origin", "http://evil.example");
        assertCsrfRefused(login);
        assertTrue("no cookie for a foreign page's login", login.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    public void afterLogoutTheCookieIsWorthNothing() {
        Session session = open();
        String cookie = "union_session=" + session.token();
        HttpResponse<String> logout = send("DELETE", "/api/auth/session", null, "Cookie", cookie,
                "X-CSRF-Token", session.csrf(), "Origin", rest().baseUrl());
        assertEquals(logout.body(), 204, logout.statusCode());
        List<String> cleared = logout.headers().allValues("Set-Cookie");
        assertTrue(cleared.toString(), cleared.stream().anyMatch(c -> c.startsWith("union_session=;") && c.contains("Max-Age=0")));
        assertTrue(cleared.toString(), cleared.stream().anyMatch(c -> c.startsWith("union_csrf=;") && c.contains("Max-Age=0")));

        HttpResponse<String> me = send("GET", "/api/me", null, "Cookie", cookie);
        assertEquals(me.body(), 401, me.statusCode());
        HttpResponse<String> write = send("POST", READ_ALL, null, "Cookie", cookie, "X-CSRF-Token", session.csrf());
        assertEquals(write.body(), 401, write.statusCode());
        // the same token as a bearer is just as dead
        assertEquals(401, withToken(session.token()).get("/api/me").status());
        // logging out twice clears the cookies again and fails nothing
        assertEquals(204, send("DELETE", "/api/auth/session", null, "Cookie", cookie).statusCode());
    }

    @Test
    public void theBearerApiIsUnchanged() {
        Rest bearer = withToken(login(member, Fixtures.PASSWORD));
        assertEquals(200, bearer.post(READ_ALL, null).status());
        HttpResponse<String> withOrigin = send("POST", READ_ALL, null, "Authorization", "Bearer " + bearer.token(),
                "Origin", "http://scripts.example");
        assertEquals(withOrigin.body(), 200, withOrigin.statusCode());
        // a bearer header wins over a cookie: a stale cookie beside a good token changes nothing
        assertEquals(200, send("POST", READ_ALL, null, "Authorization", "Bearer " + bearer.token(),
                "Cookie", "union_session=stale").statusCode());
        // the login's answer still carries the token for scripts
        Rest.Reply login = post(Rest.LOGIN_PATH, Map.of("username", member, "password", Fixtures.PASSWORD));
        assertTrue(login.body(), login.json().path("token").asText().length() > 20);
    }

    private static void assertCsrfRefused(HttpResponse<String> reply) {
        assertEquals(reply.body(), 403, reply.statusCode());
        assertEquals(reply.body(), "auth.csrf", json(reply.body()).path("code").asText());
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rest().baseUrl() + path))
                .timeout(Duration.ofSeconds(15)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
