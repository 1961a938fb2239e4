package cn.edu.cumt.union.core.internal.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class AssetPathsTest {

    @Test
    public void plainFilesOfAllowedTypesResolveUnderTheBundlesFolder() {
        AssetPaths.Asset asset = AssetPaths.resolve("/ui/study/pages/chart.js").orElseThrow();
        assertEquals("study", asset.pluginId());
        assertEquals("UI-INF/pages/chart.js", asset.entry());
        assertEquals("text/javascript;charset=UTF-8", asset.contentType());
        assertEquals("image/svg+xml", AssetPaths.resolve("/ui/study/icon.svg").orElseThrow().contentType());
        assertEquals("font/woff2", AssetPaths.resolve("/ui/brand/a/b/c.woff2").orElseThrow().contentType());
    }

    @Test
    public void traversalEscapesAndOtherTypesResolveToNothing() {
        for (String path : List.of("/ui/study/../../etc/passwd", "/ui/study/%2e%2e/x.js", "/ui/study/pages/..%2fx.js",
                "/ui/study/pages%2Fx.js", "/ui/study/pages\\x.js", "/ui/study//x.js", "/ui/study/.hidden.js", "/ui/study/",
                "/ui/study", "/ui/", "/ui/../api/me", "/ui/Study/x.js", "/ui/auth/x.js", "/ui/study/index.html",
                "/ui/study/x.class", "/ui/study/META-INF/MANIFEST.MF", "/ui/study/x.JS", "/ui/study/x", "/ui/study/x.js;jsessionid=1",
                "/ui/study/a/b/c/d/e/f/g/h/i/x.js", "/api/study/x.js", "/ui/study/x.js/")) {
            assertTrue(path, AssetPaths.resolve(path).isEmpty());
        }
    }
}
