package cn.edu.cumt.union.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.Test;

/** Which path serves which file, how long it may be cached, and that nothing else can be reached. */
public class WebAssetsTest {

    private static byte[] text(String s) {
        return s.repeat(20).getBytes(StandardCharsets.UTF_8);
    }

    private final WebAssets assets = new WebAssets(Map.of(
            "index.html", text("<!doctype html>"),
            "assets/index-CgF391CG.js", text("export{}"),
            "assets/vant-icon-Bph1yuKd.woff2", new byte[] { 1, 2, 3 },
            "assets/index-B9H7xIKk.css", text("a{}")));

    @Test
    public void theRootIsTheIndexAndNeverCachedStale() {
        WebAssets.Asset index = assets.find("/");
        assertNotNull(index);
        assertEquals("text/html;charset=UTF-8", index.type());
        assertEquals(WebAssets.NO_CACHE, index.cacheControl());
        assertEquals(index, assets.find(""));
        assertEquals(index, assets.find("/index.html"));
    }

    @Test
    public void hashedAssetsAreCachedLongWithTheirTypes() {
        assertEquals(WebAssets.IMMUTABLE, assets.find("/app/assets/index-CgF391CG.js").cacheControl());
        assertEquals("text/javascript;charset=UTF-8", assets.find("/app/assets/index-CgF391CG.js").type());
        assertEquals("text/css;charset=UTF-8", assets.find("/app/assets/index-B9H7xIKk.css").type());
        assertEquals("font/woff2", assets.find("/app/assets/vant-icon-Bph1yuKd.woff2").type());
        assertEquals(WebAssets.NO_CACHE, assets.find("/app/index.html").cacheControl());
    }

    @Test
    public void textIsGzippedFontsAreNot() {
        assertNotNull(assets.find("/app/assets/index-CgF391CG.js").gzipped());
        assertNull(assets.find("/app/assets/vant-icon-Bph1yuKd.woff2").gzipped());
    }

    @Test
    public void nothingOutsideTheAppIsFound() {
        for (String path : new String[] { "/app/", "/app/assets", "/app/assets/", "/app/../index.html", "/app/assets/../index.html",
                "/app/%2e%2e/index.html", "/app//assets/index-CgF391CG.js", "/api/health", "/ui/study/pages.json",
                "/assets/index-CgF391CG.js", "/app/assets/index-CgF391CG.js/", "/app/ASSETS/index-CgF391CG.js",
                "/META-INF/MANIFEST.MF", "/app/../cn/edu/cumt/union/web/internal/WebAssets.class", "/favicon.ico" }) {
            assertNull(path, assets.find(path));
        }
    }

    @Test
    public void theSecurityHeadersAreTheContractsStrictOnes() {
        String csp = WebAssets.SECURITY_HEADERS.get("Content-Security-Policy");
        assertTrue(csp, csp.contains("script-src 'self';") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assertTrue(csp, csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
        assertEquals("nosniff", WebAssets.SECURITY_HEADERS.get("X-Content-Type-Options"));
        assertEquals("DENY", WebAssets.SECURITY_HEADERS.get("X-Frame-Options"));
        assertEquals("same-origin", WebAssets.SECURITY_HEADERS.get("Referrer-Policy"));
    }

    @Test
    public void etagsFollowTheContent() {
        WebAssets other = new WebAssets(Map.of("index.html", text("<!doctype html><p>")));
        assertTrue(!assets.find("/").etag().equals(other.find("/").etag()));
        assertEquals(assets.find("/").etag(), new WebAssets(Map.of("index.html", text("<!doctype html>"))).find("/").etag());
    }
}
