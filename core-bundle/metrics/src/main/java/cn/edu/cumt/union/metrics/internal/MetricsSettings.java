package cn.edu.cumt.union.metrics.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/cn.edu.cumt.union.metrics.cfg}, applied in place. A component of its own, not the servlet's
 * configuration: DS copies a component's configuration into its service properties, and the HTTP
 * whiteboard would register the servlet again on every change.
 */
@Component(service = MetricsSettings.class, configurationPid = MetricsSettings.PID)
@Designate(ocd = MetricsSettings.Config.class)
public class MetricsSettings {

    static final String PID = "cn.edu.cumt.union.metrics";

    @ObjectClassDefinition(name = "Union metrics", description = "Who may read /metrics (Prometheus text format)")
    public @interface Config {
        @AttributeDefinition(description = "Serve /metrics at all")
        boolean metrics_enabled() default true;

        @AttributeDefinition(description = "Callers on this machine that reach the platform directly (loopback, not through a proxy) read it without a token")
        boolean metrics_loopback() default true;

        @AttributeDefinition(description = "A token for the scraper (Authorization: Bearer <token>); empty: no remote scraping. The leading dot keeps it out of service properties")
        String _metrics_token() default "";
    }

    private volatile MetricsAccess access;

    @Activate
    public MetricsSettings(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        access = new MetricsAccess(config.metrics_enabled(), config.metrics_loopback(), config._metrics_token());
    }

    MetricsAccess access() {
        return access;
    }
}
