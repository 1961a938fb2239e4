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
    }

    /** Every HTTP limit, swapped whole on a configuration change. */
    public record Limits(long maxBodyBytes, TrustedProxies trustedProxies) {

        public Limits {
            LiveConfig.atLeast("max.body.bytes", maxBodyBytes, 1024);
        }

        static Limits of(Config config) {
            return new Limits(config.max_body_bytes(), TrustedProxies.parse(config.trusted_proxies()));
        }
    }

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
