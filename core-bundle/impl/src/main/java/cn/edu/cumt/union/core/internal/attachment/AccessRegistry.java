package cn.edu.cumt.union.core.internal.attachment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.attachment.AttachmentAccess;
import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * The plugins' {@link AttachmentAccess} services, by the plugin id of the bundle that registered each
 * (its {@code Union-Plugin-Id} header: a plugin cannot answer for another). A plugin without one, or
 * one that is gone, lets nobody in; so does an answer that throws.
 */
@Component(service = AccessRegistry.class)
public class AccessRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRegistry.class);

    private final Map<String, AttachmentAccess> byPlugin = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAccess(AttachmentAccess access, ServiceReference<AttachmentAccess> reference) {
        pluginId(reference).ifPresent(id -> {
            if (byPlugin.putIfAbsent(id, access) != null) {
                LOG.warn("Plugin {} registers a second AttachmentAccess; the first one stays in force", id);
            }
        });
    }

    void removeAccess(AttachmentAccess access, ServiceReference<AttachmentAccess> reference) {
        pluginId(reference).ifPresent(id -> byPlugin.remove(id, access));
    }

    /** For tests: the access of a plugin, as if its bundle had registered it. */
    void put(String pluginId, AttachmentAccess access) {
        byPlugin.put(pluginId, access);
    }

    private static Optional<String> pluginId(ServiceReference<?> reference) {
        String id = reference.getBundle() == null ? null : reference.getBundle().getHeaders("").get(PluginHeaders.ID);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.trim());
    }

    public boolean maySee(String pluginId, UnionPrincipal caller, String recordType, String recordId) {
        return ask(pluginId, access -> access.maySee(caller, recordType, recordId));
    }

    public boolean mayChange(String pluginId, UnionPrincipal caller, String recordType, String recordId) {
        return ask(pluginId, access -> access.mayChange(caller, recordType, recordId));
    }

    private boolean ask(String pluginId, java.util.function.Predicate<AttachmentAccess> question) {
        AttachmentAccess access = byPlugin.get(pluginId);
        if (access == null) {
            return false;
        }
        try {
            return question.test(access);
        } catch (RuntimeException e) {
            LOG.warn("AttachmentAccess of plugin {} failed; access refused", pluginId, e);
            return false;
        }
    }
}
