package cn.edu.cumt.union.core.internal.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * The rules of the browser session (web contract section 1): the bearer token travels in an
 * {@code HttpOnly; SameSite=Strict} cookie that no script can read, and every state-changing request
 * so authenticated must prove it comes from our own page: header {@code X-CSRF-Token} equal to the
 * session's CSRF value (a value bound to the session, readable by the page from cookie
 * {@code union_csrf}), and an {@code Origin}, when the browser sends one, equal to the request's own
 * origin. Requests with an {@code Authorization} header (scripts) are not concerned. Stateless.
 */
public final class BrowserSession {

    public static final String SESSION_COOKIE = "union_session";
    public static final String CSRF_COOKIE = "union_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private BrowserSession() {
    }

    /** @return the two {@code Set-Cookie} values that open a browser session */
    public static List<String> openingCookies(String token, String csrf, boolean secure) {
        return List.of(cookie(SESSION_COOKIE, token, true, secure, false),
                cookie(CSRF_COOKIE, csrf, false, secure, false));
    }

    /** @return the two {@code Set-Cookie} values that make the browser forget the session */
    public static List<String> clearingCookies(boolean secure) {
        return List.of(cookie(SESSION_COOKIE, "", true, secure, true), cookie(CSRF_COOKIE, "", false, secure, true));
    }

    private static String cookie(String name, String value, boolean httpOnly, boolean secure, boolean expire) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/");
        if (expire) {
            cookie.append("; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        }
        if (httpOnly) {
            cookie.append("; HttpOnly");
        }
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.append("; SameSite=Strict").toString();
    }

    /** @return whether the method may change something (so needs the CSRF proof) */
    public static boolean changesState(String method) {
        return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Refuses a state-changing request whose proof is missing or wrong.
     *
     * @param expectedCsrf the session's CSRF value
     * @param givenCsrf    the request's {@code X-CSRF-Token} (may be null)
     * @param origin       the request's {@code Origin} (may be null: some browsers omit it on same-origin requests)
     * @param ownOrigin    scheme://host[:port] the request was sent to
     * @throws ApiException 403 {@code auth.csrf}
     */
    public static void checkProof(String expectedCsrf, String givenCsrf, String origin, String ownOrigin) {
        checkOrigin(origin, ownOrigin);
        if (givenCsrf == null || !MessageDigest.isEqual(expectedCsrf.getBytes(StandardCharsets.US_ASCII),
                givenCsrf.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw csrf("缺少或错误的 CSRF 令牌", "The " + CSRF_HEADER + " header is missing or wrong");
        }
    }

    /**
     * Refuses a request whose {@code Origin}, when present, is another site's (a login from a
     * foreign page would log the victim in as the attacker).
     */
    public static void checkOrigin(String origin, String ownOrigin) {
        if (origin != null && !sameOrigin(origin, ownOrigin)) {
            throw csrf("请求来自其他网站", "The request comes from another site (Origin " + origin + ")");
        }
    }

    private static ApiException csrf(String zh, String en) {
        return ApiException.forbidden("auth.csrf", zh, en);
    }

    /** Compares scheme, host and port; "null" (a sandboxed or privacy-hidden origin) matches nothing. */
    static boolean sameOrigin(String origin, String ownOrigin) {
        URI a = parse(origin);
        URI b = parse(ownOrigin);
        return a != null && b != null && a.getScheme() != null && a.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b) && (a.getPath() == null || a.getPath().isEmpty());
    }

    private static URI parse(String value) {
        try {
            return value == null ? null : new URI(value.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** @return whether the request came over HTTPS, directly or (per {@code X-Forwarded-Proto}) through a trusted proxy */
    public static boolean isHttps(HttpServletRequest request, TrustedProxies proxies) {
        return request != null && (request.isSecure()
                || proxies.forwardedHttps(request.getRemoteAddr(), request.getHeader(FORWARDED_PROTO)));
    }

    /**
     * @param secure whether the request arrived over HTTPS here or, per a trusted proxy, at the proxy
     * @param host   the request's {@code Host} header
     * @return the origin the browser sent the request to
     */
    public static String ownOrigin(boolean secure, String host) {
        return (secure ? "https" : "http") + "://" + (host == null ? "" : host.strip());
    }
}
