package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.util.Map;

import org.junit.Test;

import cn.edu.cumt.union.core.internal.config.LiveConfig;

public class HttpSettingsTest {

    private static HttpSettings.Config config(long maxBodyBytes) {
        return LiveConfig.of(HttpSettings.Config.class, Map.of("max_body_bytes", maxBodyBytes));
    }

    @Test
    public void aNewLimitAppliesAndAnInvalidOneKeepsTheOld() {
        HttpSettings http = new HttpSettings(LiveConfig.defaults(HttpSettings.Config.class));
        assertEquals(20L << 20, http.limits().maxBodyBytes());
        http.modified(config(4096));
        HttpSettings.Limits applied = http.limits();
        assertEquals(4096, applied.maxBodyBytes());
        http.modified(config(0));
        assertSame(applied, http.limits());
        http.modified(config(-5));
        assertSame(applied, http.limits());
    }

    @Test
    public void anInvalidLimitAtStartGivesTheDefault() {
        assertEquals(20L << 20, new HttpSettings(config(10)).limits().maxBodyBytes());
    }
}
