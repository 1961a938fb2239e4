package cn.edu.cumt.union.core.internal.audit;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.plugin.PluginHeaders;

/**
 * The {@link AuditLog} service, one instance per using bundle. A plugin writes only under its own id:
 * an action that does not start with {@code <plugin-id>.} gets that prefix, so no plugin (a unit's least
 * of all) can write a line that reads as the core's ({@code account.role.grant}, {@code plugin.approve})
 * or another plugin's, and cover its tracks or frame someone. The core's own bundles write as they say.
 */
@Component(service = AuditLog.class, scope = ServiceScope.BUNDLE)
public class PluginAuditLog implements AuditLog {

    private final AuditLogImpl log;
    /** {@code "<plugin-id>."}, or {@code null} for a bundle that is no plugin. */
    private final String namespace;

    @Activate
    public PluginAuditLog(@Reference AuditLogImpl log, ComponentContext context) {
        this(log, context.getUsingBundle() == null ? null : context.getUsingBundle().getHeaders("").get(PluginHeaders.ID));
    }

    PluginAuditLog(AuditLogImpl log, String pluginId) {
        this.log = log;
        this.namespace = pluginId == null || pluginId.isBlank() ? null : pluginId.trim() + ".";
    }

    @Override
    public void record(String action, String targetType, String targetId, String detail) {
        log.record(own(action), targetType, targetId, detail);
    }

    @Override
    public void denied(String action, String targetType, String targetId, String detail) {
        log.denied(own(action), targetType, targetId, detail);
    }

    /** The action in the plugin's namespace. */
    String own(String action) {
        if (namespace == null) {
            return action;
        }
        String given = action == null ? "" : action;
        return given.startsWith(namespace) ? given : namespace + given;
    }
}
