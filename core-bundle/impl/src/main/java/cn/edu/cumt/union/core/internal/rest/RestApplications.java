package cn.edu.cumt.union.core.internal.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.Path;
import javax.ws.rs.core.Application;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * Publishes the platform's JAX-RS applications: one for the core at {@code /api} and one per
 * plugin at {@code /api/<plugin-id>}, each built by the core from the resources its bundle marked
 * with {@code @UnionResource}. A plugin therefore chooses neither its base path nor its extensions,
 * and a plugin that comes or goes rebuilds only its own application: nobody else's request fails.
 *
 * <p>An application is (re)published once every resource component of its bundle is up (or, for a
 * plugin with a component that never comes up, a short while after the last change), and withdrawn
 * as soon as one of its resources leaves, before the leaving component is deactivated for good.
 */
@Component(service = RestApplications.class, immediate = true)
public class RestApplications {

    private static final Logger LOG = LoggerFactory.getLogger(RestApplications.class);
    private static final String PLATFORM_BUNDLES = "cn.edu.cumt.union.";
    /** The key of the core's own application. */
    static final String CORE = "";
    /** How long an incomplete application waits for its missing resources before it is served as it is. */
    static final Duration QUIET = Duration.ofMillis(1500);

    /** Interfaces that make an object a JAX-RS provider: a resource must be none of them. */
    private static final List<Class<?>> PROVIDER_TYPES = List.of(javax.ws.rs.ext.MessageBodyReader.class,
            javax.ws.rs.ext.MessageBodyWriter.class, javax.ws.rs.ext.ExceptionMapper.class,
            javax.ws.rs.ext.ContextResolver.class, javax.ws.rs.ext.ParamConverterProvider.class,
            javax.ws.rs.ext.ReaderInterceptor.class, javax.ws.rs.ext.WriterInterceptor.class,
            javax.ws.rs.container.ContainerRequestFilter.class, javax.ws.rs.container.ContainerResponseFilter.class,
            javax.ws.rs.container.DynamicFeature.class, javax.ws.rs.core.Feature.class, Application.class);

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final ServiceTracker<Object, Object> tracker;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "union-rest-applications");
        thread.setDaemon(true);
        return thread;
    });
    /** Guarded by {@code this}. */
    private final Map<String, Group> groups = new HashMap<>();
    private volatile boolean closed;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JaxrsServiceRuntime jaxrs;

    /** Pax Web starts an application's servlet context on a thread of its own, after the JAX-RS runtime lists it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HttpServiceRuntime http;

    @Activate
    public RestApplications(BundleContext context, @Reference ServiceComponentRuntime scr) throws Exception {
        this.context = context;
        this.scr = scr;
        this.tracker = new ServiceTracker<>(context, context.createFilter("(" + UnionRest.RESOURCE_PROPERTY + "=true)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                return join(reference);
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object resource) {
                leave(reference);
                context.ungetService(reference);
            }
        };
        // Opened once this component is up: the resources it gets (the health check among them) use it.
        later.execute(() -> tracker.open(true));
    }

    @Deactivate
    void deactivate() {
        closed = true;
        tracker.close();
        later.shutdownNow();
        synchronized (this) {
            for (Group group : groups.values()) {
                group.withdraw();
            }
            groups.clear();
        }
    }

    /** The application key of a bundle's resources: {@link #CORE}, a plugin id, or null when it may serve none. */
    static String keyOf(Bundle bundle) {
        String pluginId = bundle.getHeaders("").get(PluginHeaders.ID);
        if (pluginId != null) {
            String id = pluginId.trim();
            return validPluginId(id) ? id : null;
        }
        String name = bundle.getSymbolicName();
        return name != null && name.startsWith(PLATFORM_BUNDLES) && !name.startsWith(PluginHeaders.UNIT_NAMESPACE)
                ? CORE : null;
    }

    public static boolean validPluginId(String id) {
        return id.matches("[a-z][a-z0-9]{1,19}") && !UnionRest.RESERVED_IDS.contains(id);
    }

    private Object join(ServiceReference<Object> reference) {
        Bundle bundle = reference.getBundle();
        String key = bundle == null ? null : keyOf(bundle);
        if (key == null) {
            LOG.warn("Bundle {} registered a REST resource but is neither the platform's nor a plugin with a valid id: not served",
                    bundle == null ? "?" : bundle.getSymbolicName());
            return null;
        }
        Object resource = context.getService(reference);
        if (resource == null) {
            return null;
        }
        String refusal = refusal(resource.getClass());
        if (refusal != null) {
            LOG.warn("REST resource {} of bundle {} not served: {}", resource.getClass().getName(), bundle.getSymbolicName(), refusal);
            context.ungetService(reference);
            return null;
        }
        Group group;
        Set<String> joined;
        synchronized (this) {
            group = groups.computeIfAbsent(key, Group::new);
            if (!key.equals(CORE) && group.bundleId >= 0 && group.bundleId != bundle.getBundleId()) {
                LOG.warn("Bundle {} claims plugin id {} of bundle {}: its resources are not served", bundle.getSymbolicName(), key,
                        group.bundleId);
                context.ungetService(reference);
                return null;
            }
            group.bundleId = key.equals(CORE) ? -1 : bundle.getBundleId();
            group.suspended = false;
            group.resources.put((Long) reference.getProperty(Constants.SERVICE_ID), new Joined(reference, resource));
            joined = group.joinedComponents();
        }
        // Asked outside the lock: SCR may hold its own while it registers a resource with us.
        boolean complete = complete(key, group.bundleId, joined);
        synchronized (this) {
            if (groups.get(key) == group) {
                group.changed(complete);
            }
        }
        return resource;
    }

    /** Why an object cannot be a resource, or null when it can. */
    static String refusal(Class<?> type) {
        if (type.getAnnotation(Path.class) == null) {
            return "no @Path on the class";
        }
        for (Class<?> provider : PROVIDER_TYPES) {
            if (provider.isAssignableFrom(type)) {
                return "a resource may not be a JAX-RS provider (" + provider.getName() + ")";
            }
        }
        if (type.getAnnotation(javax.ws.rs.ext.Provider.class) != null) {
            return "a resource may not be a JAX-RS provider (@Provider)";
        }
        return null;
    }

    private void leave(ServiceReference<Object> reference) {
        Bundle bundle = reference.getBundle();
        boolean stopping = bundle == null || bundle.getState() == Bundle.STOPPING;
        synchronized (this) {
            for (Group group : groups.values()) {
                if (group.resources.remove((Long) reference.getProperty(Constants.SERVICE_ID)) == null) {
                    continue;
                }
                if (stopping) {
                    // The whole bundle goes: withdraw its application once, not once per resource.
                    group.withdraw();
                    group.suspended = true;
                } else {
                    // Withdraw now, while the leaving component is still usable: never serve a dead resource.
                    group.publishNow();
                }
            }
            groups.values().removeIf(group -> group.resources.isEmpty() && group.registration == null);
        }
    }

    /**
     * Whether every application is published with every resource it has and the JAX-RS runtime
     * serves it: no rebuild is pending. The readiness check waits for this.
     */
    public boolean settled() {
        Set<Long> served = servedApplications();
        synchronized (this) {
            for (Group group : groups.values()) {
                if (!group.settled(served)) {
                    return false;
                }
            }
            return groups.containsKey(CORE);
        }
    }

    /** Whether a plugin's application serves every resource its bundle declares (true when it declares none). */
    public boolean served(Bundle plugin) {
        String key = keyOf(plugin);
        if (key == null || key.equals(CORE)) {
            return false;
        }
        Group group;
        Set<String> joined;
        synchronized (this) {
            group = groups.get(key);
            joined = group == null || group.bundleId != plugin.getBundleId() ? Set.of() : group.joinedComponents();
        }
        if (!complete(key, plugin.getBundleId(), joined)) {
            return false;
        }
        if (group == null) {
            return true;
        }
        Set<Long> served = servedApplications();
        synchronized (this) {
            return groups.get(key) != group || group.settled(served);
        }
    }

    /** Every enabled component of the application's bundles that declares a resource has joined. */
    private boolean complete(String key, long bundleId, Set<String> joined) {
        for (Bundle bundle : bundlesOf(key, bundleId)) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                Object marker = description.properties.get(UnionRest.RESOURCE_PROPERTY);
                if (marker != null && Boolean.parseBoolean(marker.toString()) && scr.isComponentEnabled(description)
                        && !joined.contains(description.name)) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<Bundle> bundlesOf(String key, long bundleId) {
        List<Bundle> result = new ArrayList<>();
        if (!key.equals(CORE)) {
            Bundle bundle = context.getBundle(bundleId);
            if (bundle != null) {
                result.add(bundle);
            }
            return result;
        }
        for (Bundle bundle : context.getBundles()) {
            if (CORE.equals(keyOf(bundle)) && (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                result.add(bundle);
            }
        }
        return result;
    }

    /**
     * Waits (bounded) until an active plugin's application serves all of its resources, so that a
     * client told "installed" or "enabled" can use the plugin with its very next request.
     */
    public boolean awaitServed(Bundle plugin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (plugin.getState() == Bundle.ACTIVE && !served(plugin)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return plugin.getState() == Bundle.ACTIVE;
    }

    private Set<Long> servedApplications() {
        JaxrsServiceRuntime runtime = jaxrs;
        Set<Long> served = new HashSet<>();
        if (runtime == null) {
            return served;
        }
        Set<String> patterns = servletPatterns();
        RuntimeDTO dto = runtime.getRuntimeDTO();
        for (ApplicationDTO application : dto.applicationDTOs) {
            if (patterns == null || patterns.contains(stripSlash(application.base) + "/*")) {
                served.add(application.serviceId);
            }
        }
        return served;
    }

    /** Every servlet pattern the HTTP runtime serves, with its context path; null when there is no runtime to ask. */
    private Set<String> servletPatterns() {
        HttpServiceRuntime runtime = http;
        if (runtime == null) {
            return null;
        }
        Set<String> patterns = new HashSet<>();
        for (ServletContextDTO context : runtime.getRuntimeDTO().servletContextDTOs) {
            for (ServletDTO servlet : context.servletDTOs) {
                for (String pattern : servlet.patterns) {
                    patterns.add(stripSlash(context.contextPath) + pattern);
                }
            }
        }
        return patterns;
    }

    private static String stripSlash(String path) {
        return path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Waits (bounded) until no application serves the plugin any more, so that a client told
     * "disabled" or "uninstalled" meets its absence with the very next request.
     */
    public boolean awaitWithdrawn(String pluginId, Duration timeout) {
        String pattern = UnionRest.pluginBasePath(pluginId) + "/*";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean registered;
            synchronized (this) {
                Group group = groups.get(pluginId);
                registered = group != null && group.registration != null;
            }
            Set<String> patterns = servletPatterns();
            if (!registered && (patterns == null || !patterns.contains(pattern))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** A resource that joined: its service and the object the whiteboard will call. */
    private record Joined(ServiceReference<Object> reference, Object resource) {
    }

    /** The resources of one application and what is published of them. Guarded by the outer instance. */
    private final class Group {

        final String key;
        long bundleId = -1;
        final Map<Long, Joined> resources = new TreeMap<>();
        ServiceRegistration<Application> registration;
        /** The JSON edge (filter and error page) of its servlet context, while it is published. */
        List<ServiceRegistration<?>> edge = List.of();
        Set<Long> published = Set.of();
        ScheduledFuture<?> pending;
        /** Its bundle is stopping: nothing is published until a resource joins again. */
        boolean suspended;

        Group(String key) {
            this.key = key;
        }

        /** A resource joined: publish at once when nothing is missing, else after a quiet while. */
        void changed(boolean complete) {
            if (complete) {
                publishNow();
                return;
            }
            if (pending != null) {
                pending.cancel(false);
            }
            if (!closed) {
                pending = later.schedule(() -> {
                    synchronized (RestApplications.this) {
                        publishNow();
                    }
                }, QUIET.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        Set<String> joinedComponents() {
            Set<String> joined = new HashSet<>();
            for (Joined resource : resources.values()) {
                joined.add(String.valueOf(resource.reference().getProperty("component.name")));
            }
            return joined;
        }

        boolean settled(Set<Long> served) {
            if (suspended || resources.isEmpty() && registration == null) {
                return true;
            }
            if (!published.equals(resources.keySet()) || pending != null && !pending.isDone()) {
                return false;
            }
            return registration == null
                    || served.contains((Long) registration.getReference().getProperty(Constants.SERVICE_ID));
        }

        void publishNow() {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
            if (closed || suspended || published.equals(resources.keySet()) && registration != null) {
                return;
            }
            ServiceRegistration<Application> previous = registration;
            registration = null;
            published = Set.copyOf(resources.keySet());
            if (!resources.isEmpty()) {
                List<Object> singletons = new ArrayList<>();
                for (Joined resource : resources.values()) {
                    singletons.add(resource.resource());
                }
                // Registered before the previous one goes: the runtime hands over from one to the other.
                registration = context.registerService(Application.class, new PublishedApplication(singletons), properties());
                LOG.debug("REST application {} published with {} resource(s)", name(), singletons.size());
                if (edge.isEmpty()) {
                    edge = ApiEdgeFilter.register(context, name());
                }
            }
            if (previous != null) {
                unregister(previous);
            }
            if (registration == null) {
                dropEdge();
            }
        }

        private void dropEdge() {
            edge.forEach(RestApplications::unregister);
            edge = List.of();
        }

        void withdraw() {
            if (pending != null) {
                pending.cancel(false);
            }
            if (registration != null) {
                unregister(registration);
                registration = null;
            }
            dropEdge();
        }

        private String name() {
            return key.equals(CORE) ? UnionRest.APPLICATION_NAME : UnionRest.pluginApplicationName(key);
        }

        private Hashtable<String, Object> properties() {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("osgi.jaxrs.name", name());
            properties.put("osgi.jaxrs.application.base", key.equals(CORE) ? UnionRest.BASE_PATH : UnionRest.pluginBasePath(key));
            properties.put("osgi.jaxrs.extension.select", new String[] {
                    "(osgi.jaxrs.name=" + JsonProvider.NAME + ")",
                    "(osgi.jaxrs.name=" + ErrorMapper.NAME + ")",
                    "(osgi.jaxrs.name=" + RequestGuard.NAME + ")",
                    "(osgi.jaxrs.name=" + ResponseHeaders.NAME + ")",
                    "(osgi.jaxrs.name=" + TypedParameters.NAME + ")",
                    "(osgi.jaxrs.name=" + BodyLimit.NAME + ")" });
            properties.put(UnionRest.APPLICATION_PROPERTY, Boolean.TRUE);
            if (!key.equals(CORE)) {
                properties.put(PluginHeaders.ID, key);
            }
            return properties;
        }
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The core bundle is stopping: the framework took it down already.
        }
    }

    /** An application whose resources are the given objects; the shared extensions come from the whiteboard. */
    static final class PublishedApplication extends Application {

        private final Set<Object> singletons;

        PublishedApplication(List<Object> singletons) {
            this.singletons = Set.copyOf(Objects.requireNonNull(singletons));
        }

        @Override
        public Set<Object> getSingletons() {
            return singletons;
        }
    }
}
