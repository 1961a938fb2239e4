package cn.edu.cumt.union.core.internal.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.karaf.features.BootFinished;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import cn.edu.cumt.union.api.directory.DemoUniversity;
import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;

/**
 * Readiness for load balancers and scripts: answers without a login and touches no database.
 * While the platform starts, its applications are assembled (the core's and one per plugin, see
 * {@link RestApplications}), so this answers 503 {@code STARTING} until Karaf has installed its boot
 * features, every component of the platform's bundles is up, and every application is published
 * with all of its resources and served by the JAX-RS runtime; from then on 200 {@code UP}. Plugins are waited for at most {@link #PLUGIN_GRACE}: a broken plugin must not
 * keep the platform out of a load balancer.
 */
@Component(service = HealthResource.class)
@UnionResource
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final String PLATFORM_BUNDLES = "cn.edu.cumt.union.";
    static final Duration PLUGIN_GRACE = Duration.ofSeconds(60);
    private static final Set<String> DORMANT_SERVICES = Set.of(DemoUniversity.class.getName());

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final RestApplications applications;
    private final ShutdownDrain drain;
    private volatile boolean ready;
    private volatile Instant coreUpAt;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BootFinished bootFinished;

    /** {@code {"status":"UP"}} (200), or {@code {"status":"STARTING"}} (503) while the platform starts, {@code STOPPING} (503) while it drains. */
    public record Health(String status) {
    }

    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference RestApplications applications, @Reference ShutdownDrain drain) {
        this.context = context;
        this.scr = scr;
        this.applications = applications;
        this.drain = drain;
    }

    @GET
    @PermitAll
    @RestDoc(value = "健康检查 Health", entity = HealthResource.Health.class)
    public Response health() {
        if (drain.draining()) {
            return Response.status(503).header("Retry-After", "5").entity(new Health("STOPPING")).build();
        }
        if (!ready) {
            // Once up, stays up: this is about start-up, not a probe of every later change.
            ready = bootFinished != null && componentsUp(false)
                    && (componentsUp(true) && applications.settled() || pluginGraceOver());
        }
        return Response.status(ready ? 200 : 503).entity(new Health(ready ? "UP" : "STARTING")).build();
    }

    private boolean pluginGraceOver() {
        Instant now = Instant.now();
        if (coreUpAt == null) {
            coreUpAt = now;
        }
        return now.isAfter(coreUpAt.plus(PLUGIN_GRACE));
    }

    /** @param plugins whether to look at the plugins' bundles, or else at the core's */
    private boolean componentsUp(boolean plugins) {
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            boolean plugin = bundle.getHeaders("").get(PluginHeaders.ID) != null;
            if (plugin != plugins || !plugin && (name == null || !name.startsWith(PLATFORM_BUNDLES))) {
                continue;
            }
            if (isFragment(bundle)) {
                // a fragment (union-jetty-errors) never starts: it is up once attached to its host
                if (bundle.getState() != Bundle.RESOLVED) {
                    return false;
                }
                continue;
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                return false;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                            && !waitsOnlyForDormantServices(configuration)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * A component that waits only for a service the core registers on purpose in some installations
     * ({@link DemoUniversity}: only with demo data) is dormant by design, not starting: without this every
     * start outside a demonstration waited the whole {@link #PLUGIN_GRACE} for the plugins' demo components.
     */
    static boolean waitsOnlyForDormantServices(ComponentConfigurationDTO configuration) {
        if (configuration.unsatisfiedReferences == null || configuration.unsatisfiedReferences.length == 0) {
            return false;
        }
        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
            String interfaceName = interfaceOf(configuration.description, reference.name);
            if (!DORMANT_SERVICES.contains(interfaceName)) {
                return false;
            }
        }
        return true;
    }

    private static String interfaceOf(ComponentDescriptionDTO description, String referenceName) {
        if (description == null || description.references == null) {
            return null;
        }
        for (ReferenceDTO reference : description.references) {
            if (reference.name.equals(referenceName)) {
                return reference.interfaceName;
            }
        }
        return null;
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
