package cn.edu.cumt.union.metrics.internal;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.MBeanServer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The platform's metrics, in one registry of Prometheus' Java client (not its global default registry,
 * so a restart of this bundle starts clean): requests, audited actions, logins and lockouts, database
 * pools, plugins, and the JVM's own (memory, GC, threads, classes).
 */
@Component(service = PlatformMetrics.class)
public class PlatformMetrics {

    /** Request latency buckets, in seconds: from a cached read to an import of a big file. */
    private static final double[] LATENCY_BUCKETS = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30 };

    /** Distinct audit actions counted by name; more become "other" (a plugin's own actions must not grow the registry without end). */
    static final int MAX_ACTIONS = 300;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Set<String> actions = ConcurrentHashMap.newKeySet();
    private final Histogram requests;
    private final Counter auditEvents;
    private final Counter logins;
    private final Counter lockouts;

    // Exemplars (trace ids beside samples) need a tracer, which the platform has not: without them no
    // metric reaches for the OpenTelemetry classes left out of this bundle.
    @Activate
    public PlatformMetrics(BundleContext context) {
        requests = Histogram.builder().name("union_http_request_duration_seconds")
                .help("REST requests by application (core or plugin id), endpoint (resource.method), method and status, with their latency")
                .labelNames("application", "endpoint", "method", "status")
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).withoutExemplars().register(registry);
        auditEvents = Counter.builder().name("union_audit_events")
                .help("Audited actions by action and outcome (ok, denied, failed)")
                .labelNames("action", "outcome").withoutExemplars().register(registry);
        logins = Counter.builder().name("union_logins")
                .help("Login attempts by outcome: ok, failed (wrong password, unknown name), denied (locked, source blocked)")
                .labelNames("outcome").withoutExemplars().register(registry);
        lockouts = Counter.builder().name("union_account_lockouts")
                .help("Accounts locked after repeated failed logins").withoutExemplars().register(registry);
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        GaugeWithCallback.builder().name("union_db_pool_connections")
                .help("Connections of each database pool by state (active, idle), and the pool's maximum (max) and callers waiting (waiting)")
                .labelNames("pool", "state")
                .callback(callback -> DatabasePools.read(mbeans).forEach(pool -> {
                    callback.call(pool.active(), pool.name(), "active");
                    callback.call(pool.idle(), pool.name(), "idle");
                    callback.call(pool.max(), pool.name(), "max");
                    callback.call(pool.waiting(), pool.name(), "waiting");
                })).register(registry);
        GaugeWithCallback.builder().name("union_plugins")
                .help("Installed plugin bundles by state (ACTIVE, RESOLVED, INSTALLED, STARTING, STOPPING)")
                .labelNames("state")
                .callback(callback -> PluginStates.count(context).forEach((state, count) -> callback.call(count, state)))
                .register(registry);
        GaugeWithCallback.builder().name("union_plugin_info")
                .help("One series per installed plugin bundle with its id, version and state (value 1)")
                .labelNames("plugin", "version", "state")
                .callback(callback -> PluginStates.list(context).forEach(plugin -> callback.call(1, plugin.id(), plugin.version(), plugin.state())))
                .register(registry);
        JvmMetrics.builder().register(registry);
    }

    PrometheusRegistry registry() {
        return registry;
    }

    void request(String application, String endpoint, String method, int status, double seconds) {
        requests.labelValues(application, endpoint, method, Integer.toString(status)).observe(seconds);
    }

    /** Counts one audited action; logins and lockouts also by their own names, as central IT looks for them. */
    void audited(String action, String outcome) {
        String counted = actions.contains(action) || actions.size() < MAX_ACTIONS && actions.add(action) ? action : "other";
        auditEvents.labelValues(counted, outcome).inc();
        if ("auth.login".equals(action)) {
            logins.labelValues(outcome).inc();
        } else if ("auth.lockout".equals(action)) {
            lockouts.inc();
        }
    }
}
