package cn.edu.cumt.union.core.internal.rest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.core.internal.config.LiveConfig;

/**
 * The HTTP limits and trusted proxies ({@code etc/cn.edu.cumt.union.http.cfg}), applied in place. A component of their
 * own rather than the {@link RequestGuard}'s configuration: DS copies a component's configuration
 * into its service properties, and a JAX-RS extension whose properties change is re-registered by
 * the whiteboard, which rebuilds every application. The guard reads {@link #limits()} per request.
 */
@Component(service = HttpSettings.class, configurationPid = HttpSettings.PID)
@Designate(ocd = HttpSettings.Config.class)
public class HttpSettings {

    static final String PID = "cn.edu.cumt.union.http";
    private static final Logger LOG = LoggerFactory.getLogger(HttpSettings.class);

    @ObjectClassDefinition(name = "Union HTTP limits")
    public @interface Config {
        @AttributeDefinition(description = "Largest request body accepted, in bytes (imports included)")
        long max_body_bytes() default 20L * 1024 * 1024;

        @AttributeDefinition(description = "Reverse proxies (addresses or CIDR blocks, comma-separated) whose X-Forwarded-For"
                + " names the client. Empty: the direct peer is the client and the header is ignored")
        String trusted_proxies() default "";

        @AttributeDefinition(description = "On bin/stop, seconds /api/health answers 503 STOPPING while every request is still"
                + " served, before anything stops: a load balancer takes the node out first (0: stop at once, one node)")
        int shutdown_drain_seconds() default 0;
    }

    /** Every HTTP limit, swapped whole on a configuration change. */
    public record Limits(long maxBodyBytes, TrustedProxies trustedProxies, int drainSeconds) {

        public Limits {
            LiveConfig.atLeast("max.body.bytes", maxBodyBytes, 1024);
            LiveConfig.atLeast("shutdown.drain.seconds", drainSeconds, 0);
            if (drainSeconds > MAX_DRAIN_SECONDS) {
                throw new IllegalArgumentException("shutdown.drain.seconds must be at most " + MAX_DRAIN_SECONDS);
            }
        }

        static Limits of(Config config) {
            return new Limits(config.max_body_bytes(), TrustedProxies.parse(config.trusted_proxies()),
                    config.shutdown_drain_seconds());
        }
    }

    /** bin/stop waits this long at most for a stop to begin (Karaf's own stop timeout is longer). */
    static final int MAX_DRAIN_SECONDS = 60;

    private volatile Limits limits;

    @Activate
    public HttpSettings(Config config) {
        limits = LiveConfig.initial(LOG, PID, () -> Limits.of(config), () -> Limits.of(LiveConfig.defaults(Config.class)));
    }

    @Modified
    void modified(Config config) {
        limits = LiveConfig.changed(LOG, PID, limits, () -> Limits.of(config));
    }

    public Limits limits() {
        return limits;
    }
}
