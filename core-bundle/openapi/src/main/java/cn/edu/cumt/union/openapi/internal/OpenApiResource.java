package cn.edu.cumt.union.openapi.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.rest.UnionRest;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    /** Karaf's service for "the boot features are installed", by name: no import of Karaf's packages. */
    static final String BOOT_FINISHED = "(objectClass=org.apache.karaf.features.BootFinished)";
    /** After the boot: the platform's readiness (on a restart at load 20 its first 200 came 4 s after the framework started) and first requests go first. */
    static final long AFTER_BOOT_MS = 10_000;
    private final ServiceTracker<Object, Object> bootFinished;
    private final FrameworkListener frameworkStarted = event -> {
        if (event.getType() == FrameworkEvent.STARTED) {
            bootedNow();
        }
    };
    private final BundleContext context;
    private volatile boolean karafBooted;
    private volatile boolean booted;
    /** The document without its server url, rebuilt when resources come or go. */
    private volatile ObjectNode document;
    /** Counts changes, so that a build that a change overtook is not kept. */
    private final AtomicLong version = new AtomicLong();
    /**
     * Builds the document ahead of the first request, and again shortly after resources come or go
     * (a plugin brings several at once): swagger's reader takes seconds on a busy machine, which a
     * client should not wait for. Not while Karaf boots: every resource that joins would start a build
     * that the next one throws away, and on two cores these builds took 1.3-3 s of the CPU a start
     * needs (bench/README.md). The first build waits until the framework has reached its start level
     * (a restart starts every bundle from there) and Karaf has installed its boot features (a cold start
     * installs them after that), and then {@link #AFTER_BOOT_MS} more.
     */
    private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "union-openapi-builder");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public OpenApiResource(BundleContext context) throws Exception {
        this.context = context;
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
                changed();
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                resources.remove(reference);
                changed();
            }
        };
        tracker.open();
        this.bootFinished = new ServiceTracker<>(context, context.createFilter(BOOT_FINISHED), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                karafBooted = true;
                bootedNow();
                return reference;
            }
        };
        context.addFrameworkListener(frameworkStarted);
        bootFinished.open();
    }

    /** Prebuilds from now on if both the framework and Karaf's boot are done. */
    private synchronized void bootedNow() {
        if (booted || !karafBooted) {
            return;
        }
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        FrameworkStartLevel level = framework == null ? null : framework.adapt(FrameworkStartLevel.class);
        String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        if (level == null || beginning != null && level.getStartLevel() < Integer.parseInt(beginning.trim())) {
            return;
        }
        booted = true;
        buildIn(AFTER_BOOT_MS);
    }

    private void changed() {
        version.incrementAndGet();
        document = null;
        if (booted) {
            buildIn(500);
        }
    }

    private void buildIn(long delayMs) {
        if (!builder.isShutdown()) {
            builder.schedule(() -> {
                if (document == null) {
                    current();
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** The document as the resources are now; built here when no build has finished since the last change. */
    private synchronized ObjectNode current() {
        ObjectNode current = document;
        if (current == null) {
            long seen = version.get();
            Map<String, Set<Class<?>>> byApplication = new HashMap<>();
            for (Resource resource : resources.values()) {
                byApplication.computeIfAbsent(resource.prefix(), prefix -> new HashSet<>()).add(resource.type());
            }
            current = Json.mapper().valueToTree(OpenApiBuilder.build(byApplication, UnionRest.BASE_PATH));
            if (version.get() == seen) {
                document = current;
            }
        }
        return current;
    }

    private record Resource(String prefix, Class<?> type) {
    }

    @Deactivate
    void deactivate() {
        builder.shutdownNow();
        context.removeFrameworkListener(frameworkStarted);
        bootFinished.close();
        tracker.close();
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @RestDoc(value = "本文档：所有已安装接口的 OpenAPI 3 描述 This document: OpenAPI 3 of every installed endpoint",
            entity = Object.class)
    public Response openApi(@Context UriInfo uri) {
        ObjectNode current = current();
        // the url the caller used, so that a client generated from the document reaches this server
        ObjectNode served = current.deepCopy();
        ((ObjectNode) served.withArray("servers").get(0)).put("url", serverUrl(uri));
        return Response.ok(served.toPrettyString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    /** {@code http://host:8181/api/} becomes {@code http://host:8181/api}. */
    static String serverUrl(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
