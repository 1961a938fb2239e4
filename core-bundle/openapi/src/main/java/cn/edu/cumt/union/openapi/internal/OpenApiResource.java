package cn.edu.cumt.union.openapi.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.rest.UnionRest;
import io.swagger.v3.core.util.Json;

/**
 * {@code GET /api/openapi.json}: the description of every resource of the core's application and of
 * every plugin's, rebuilt when resources come and go (plugins installed or removed).
 */
@Component(service = OpenApiResource.class)
@UnionResource
@Path("/openapi.json")
public class OpenApiResource {

    /** Resource classes with the path of their application below /api ("" for the core's). */
    private final Map<ServiceReference<Object>, Resource> resources = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Object> tracker;
    private volatile String document;

    @Activate
    public OpenApiResource(BundleContext context) throws Exception {
        this.tracker = new ServiceTracker<>(context, context.createFilter("(" + UnionRest.RESOURCE_PROPERTY + "=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                // The core serves a plugin's resources at /api/<plugin-id>, the platform's at /api.
                String pluginId = reference.getBundle().getHeaders("").get(PluginHeaders.ID);
                String prefix = pluginId == null ? "" : "/" + pluginId.trim();
                // Load the class by name from the bundle that registered it: no need to get (and so
                // activate) the service, and no cycle when the tracker meets this resource itself.
                String[] objectClass = (String[]) reference.getProperty("objectClass");
                try {
                    resources.put(reference, new Resource(prefix, reference.getBundle().loadClass(objectClass[0])));
                } catch (ClassNotFoundException | RuntimeException unreadable) {
                    return null;
                }
                document = null;
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                resources.remove(reference);
                document = null;
            }
        };
        tracker.open();
    }

    private record Resource(String prefix, Class<?> type) {
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApi() throws Exception {
        String current = document;
        if (current == null) {
            Map<String, Set<Class<?>>> byApplication = new HashMap<>();
            for (Resource resource : resources.values()) {
                byApplication.computeIfAbsent(resource.prefix(), prefix -> new HashSet<>()).add(resource.type());
            }
            current = Json.pretty(OpenApiBuilder.build(byApplication));
            document = current;
        }
        return Response.ok(current, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }
}
