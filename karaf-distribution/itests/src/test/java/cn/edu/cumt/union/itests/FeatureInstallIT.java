package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * The other way central IT installs a plugin: {@code feature:install union-study} and back. Neither
 * may stop, start or refresh any other bundle (Karaf's refresh cascade, STACK.md trap 6).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureInstallIT extends UnionKarafTestSupport {

    private static final String STUDY_PATH = "/api/study/sessions";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Inject
    private FeaturesService features;

    @Override
    protected Option[] extraOptions() {
        return new Option[] { bootFeaturesWithout("union-study") };
    }

    @Test
    public void aPluginFeatureComesAndGoesWithoutRestartingAnythingElse() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        assertNull("union-study must not be booted in this container", bundle(STUDY_BUNDLE));
        String application = "(&(objectClass=javax.ws.rs.core.Application)(osgi.jaxrs.name=" + UnionRest.APPLICATION_NAME + "))";
        long applicationId = serviceId(application);
        List<String> others = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = event -> {
            boolean lifecycle = event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.STARTED
                    || event.getType() == BundleEvent.UNRESOLVED;
            if (lifecycle && !STUDY_BUNDLE.equals(event.getBundle().getSymbolicName())) {
                others.add(event.getBundle().getSymbolicName() + " " + event.getType());
            }
        };
        bundleContext.addBundleListener(listener);
        try {
            features.installFeature("union-study", EnumSet.noneOf(FeaturesService.Option.class));
            Duration up = await(STUDY_PATH + " served", TIMEOUT, () -> get(STUDY_PATH).status() == 401);
            System.out.println("FeatureInstallIT: study feature serving " + up.toMillis() + " ms after install");
            features.uninstallFeature("union-study", EnumSet.noneOf(FeaturesService.Option.class));
            await(STUDY_PATH + " gone", TIMEOUT, () -> get(STUDY_PATH).status() == 404);
        } finally {
            bundleContext.removeBundleListener(listener);
        }
        assertTrue("Other bundles were stopped, started or refreshed: " + others, others.isEmpty());
        assertEquals("the core's application was re-registered", applicationId, serviceId(application));
        assertEquals(200, get("/api/health").status());
    }
}
