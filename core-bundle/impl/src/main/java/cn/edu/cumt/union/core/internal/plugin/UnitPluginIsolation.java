package cn.edu.cumt.union.core.internal.plugin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Component;

import cn.edu.cumt.union.api.storage.Storage;

/**
 * The fence around unit plugins' data, as service-registry hooks: a unit plugin does not see any
 * DataSource, JDBC driver or persistence unit but its own, neither when it looks one up nor when
 * one is registered. Aries JPA looks up a persistence unit's DataSource with the plugin's own bundle
 * context, so a unit plugin that names the platform's database in its persistence.xml simply never
 * gets an EntityManagerFactory. Nor does any whiteboard see a unit plugin's services: it cannot
 * register a JAX-RS application, resource or extension, or a servlet, of its own. The union's own
 * plugins and the core are not affected.
 */
@Component(service = { FindHook.class, EventListenerHook.class, UnitPluginIsolation.class })
public class UnitPluginIsolation implements FindHook, EventListenerHook {

    /** Service types that lead to data. */
    static final Set<String> GUARDED = Set.of("javax.sql.DataSource", "javax.sql.XADataSource",
            "javax.sql.ConnectionPoolDataSource", "org.osgi.service.jdbc.DataSourceFactory",
            "javax.persistence.EntityManagerFactory", "javax.persistence.EntityManager",
            "org.apache.aries.jpa.template.JpaTemplate", "org.apache.aries.jpa.supplier.EmSupplier",
            "org.osgi.service.jpa.EntityManagerFactoryBuilder");

    /** Service properties the JAX-RS and HTTP whiteboards act on: a unit plugin's services never reach them. */
    static final List<String> WHITEBOARD_PROPERTIES = List.of("osgi.jaxrs.", "osgi.http.whiteboard.");

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        Bundle requester = bundleOf(context);
        String pluginId = requester == null ? null : UnitPluginDatabases.unitPluginId(requester);
        if (pluginId != null) {
            references.removeIf(reference -> !visible(requester, pluginId, reference));
        }
        references.removeIf(reference -> hiddenWhiteboardService(requester, reference));
    }

    /**
     * A unit plugin's service that a whiteboard would pick up (an application, a JAX-RS resource or
     * extension, a servlet, filter or resource) is seen by nobody but the plugin itself: the upload
     * already refuses such a plugin, and this keeps it harmless if one gets in some other way.
     */
    static boolean hiddenWhiteboardService(Bundle requester, ServiceReference<?> reference) {
        if (!whiteboardService(reference)) {
            return false;
        }
        Bundle owner = reference.getBundle();
        return owner != null && !owner.equals(requester) && UnitPluginDatabases.unitPluginId(owner) != null;
    }

    private static boolean whiteboardService(ServiceReference<?> reference) {
        for (String key : reference.getPropertyKeys()) {
            for (String prefix : WHITEBOARD_PROPERTIES) {
                if (key.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        listeners.keySet().removeIf(context -> hiddenWhiteboardService(bundleOf(context), reference));
        if (!guarded(reference)) {
            return;
        }
        listeners.keySet().removeIf(context -> {
            Bundle listener = bundleOf(context);
            String pluginId = listener == null ? null : UnitPluginDatabases.unitPluginId(listener);
            return pluginId != null && !visible(listener, pluginId, reference);
        });
    }

    /** Decides for one unit plugin and one service. */
    static boolean visible(Bundle plugin, String pluginId, ServiceReference<?> reference) {
        if (!guarded(reference) || plugin.equals(reference.getBundle())) {
            return true;
        }
        if (Storage.unitPluginDataSource(pluginId).equals(reference.getProperty("osgi.jndi.service.name"))) {
            return true;
        }
        Object unit = reference.getProperty("osgi.unit.name");
        return unit != null && ownsPersistenceUnit(plugin, unit.toString());
    }

    /** Aries JPA registers a unit's EntityManagerFactory with the persistence bundle's own context. */
    private static boolean ownsPersistenceUnit(Bundle plugin, String unitName) {
        ServiceReference<?>[] registered = plugin.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        for (ServiceReference<?> own : registered) {
            if (unitName.equals(own.getProperty("osgi.unit.name"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean guarded(ServiceReference<?> reference) {
        Object classes = reference.getProperty(Constants.OBJECTCLASS);
        if (classes instanceof String[] names) {
            for (String name : names) {
                if (GUARDED.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Bundle bundleOf(BundleContext context) {
        try {
            Bundle bundle = context.getBundle();
            return bundle == null || bundle.getBundleId() == 0 ? null : bundle;
        } catch (IllegalStateException stale) {
            return null;
        }
    }
}
