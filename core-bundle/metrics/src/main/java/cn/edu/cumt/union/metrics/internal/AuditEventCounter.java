package cn.edu.cumt.union.metrics.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

import cn.edu.cumt.union.api.audit.AuditEvents;

/** Counts the audit events the core posts (logins, lockouts, every audited action) by action and outcome. */
@Component(property = "event.topics=" + AuditEvents.TOPIC)
public class AuditEventCounter implements EventHandler {

    private final PlatformMetrics metrics;

    @Activate
    public AuditEventCounter(@Reference PlatformMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(AuditEvents.ACTION) instanceof String action
                && event.getProperty(AuditEvents.OUTCOME) instanceof String outcome) {
            metrics.audited(action, outcome);
        }
    }
}
