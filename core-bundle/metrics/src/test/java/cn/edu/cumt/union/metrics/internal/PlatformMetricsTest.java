package cn.edu.cumt.union.metrics.internal;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

public class PlatformMetricsTest {

    /** A framework with no bundle at all. */
    private static final BundleContext NO_BUNDLES = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
            new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                if (method.getName().equals("getBundles")) {
                    return new Bundle[0];
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    public void anAuditActionCountsAsLoginsAndLockoutsAndTheNamesAreBounded() throws Exception {
        PlatformMetrics metrics = new PlatformMetrics(NO_BUNDLES);
        metrics.audited("auth.login", "failed");
        metrics.audited("auth.login", "failed");
        metrics.audited("auth.login", "ok");
        metrics.audited("auth.lockout", "ok");
        for (int i = 0; i < PlatformMetrics.MAX_ACTIONS + 50; i++) {
            metrics.audited("plugin.noisy." + i, "ok");
        }
        metrics.request("core", "HealthResource.health", "GET", 200, 0.003);
        String text = scrape(metrics);
        assertTrue(text, text.contains("union_logins_total{outcome=\"failed\"} 2.0"));
        assertTrue(text, text.contains("union_logins_total{outcome=\"ok\"} 1.0"));
        assertTrue(text, text.contains("union_account_lockouts_total 1.0"));
        assertTrue("past the bound, actions count as other: " + text, text.contains("union_audit_events_total{action=\"other\",outcome=\"ok\"} 52.0"));
        assertTrue(text, text.contains("union_http_request_duration_seconds_count{application=\"core\",endpoint=\"HealthResource.health\",method=\"GET\",status=\"200\"} 1"));
        assertTrue("the JVM's own metrics: " + text, text.contains("jvm_memory_used_bytes"));
    }

    @Test
    public void everyPluginStateIsASeriesEvenWhenNoPluginIsInIt() throws Exception {
        String text = scrape(new PlatformMetrics(NO_BUNDLES));
        assertTrue(text, text.contains("union_plugins{state=\"ACTIVE\"} 0.0"));
        assertTrue(text, text.contains("union_plugins{state=\"RESOLVED\"} 0.0"));
    }

    private static String scrape(PlatformMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
