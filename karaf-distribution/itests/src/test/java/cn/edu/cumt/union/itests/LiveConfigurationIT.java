package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Editing etc/ takes nothing down (issue 8 §3): with clients calling /api/me, member search and the
 * study plugin at full speed, the authentication, HTTP, organisation, plugin and study settings are
 * edited through their files many times ({@link LiveConfigurationDrill}). Every request answers 2xx,
 * every new value is in force, an invalid file is refused whole, and no component restarted: the
 * core's and the study plugin's services keep their service ids, and the JAX-RS runtime never changed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveConfigurationIT extends UnionKarafTestSupport {

    private static final String FAMILYDAY_JAR = "union.itests.familyday-jar";
    private static final int ROUNDS = 10;

    @Override
    protected Option[] extraOptions() {
        // Pax Exam logs at WARN; the drill reads the core's INFO line where no API shows a setting
        return new Option[] { systemProperty(FAMILYDAY_JAR).value(Distribution.familydayJar().toString()),
                set(new CfgKey("org.ops4j.pax.logging", "log4j2.logger.union.name"), "cn.edu.cumt.union"),
                set(new CfgKey("org.ops4j.pax.logging", "log4j2.logger.union.level"), "INFO") };
    }

    @Test
    public void editingEtcFailsNoRequestAndRestartsNothing() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus("/api/study/sessions", 401, BOOT_TIMEOUT);
        byte[] familyday = Files.readAllBytes(Paths.get(System.getProperty(FAMILYDAY_JAR)));
        Path home = Paths.get(System.getProperty("karaf.home"));
        TreeMap<Long, String> before = services();
        Object runtimeChanges = jaxrsRuntimeChangeCount();

        LiveConfigurationDrill.Result result = new LiveConfigurationDrill(home, rest(), familyday).run(ROUNDS, 4);

        assertTrue("the clients were running: " + result.requests(), result.requests() > ROUNDS * 20L);
        assertEquals("requests that failed while etc/ changed: " + result.firstFailures(), 0, result.failures().size());
        // a restart unregisters a service and registers it again under a new id; a service added meanwhile is no restart
        TreeMap<Long, String> after = services();
        TreeMap<Long, String> gone = new TreeMap<>(before);
        gone.entrySet().removeAll(after.entrySet());
        assertEquals("services of the core and the study plugin unregistered while etc/ changed", Map.of(), gone);
        assertEquals("the JAX-RS runtime's change count: no application or extension was re-registered",
                runtimeChanges, jaxrsRuntimeChangeCount());
        System.out.printf("LiveConfigurationIT: %d edits, %d requests, 0 failed, slowest round applied in %d ms%n",
                result.edits(), result.requests(), result.slowestApplyMillis());
    }

    /** Every service the core and the study plugin registered: id -> its object classes. */
    private TreeMap<Long, String> services() {
        TreeMap<Long, String> services = new TreeMap<>();
        for (String name : List.of(CORE_BUNDLE, STUDY_BUNDLE)) {
            Bundle bundle = bundle(name);
            assertEquals(name + " active", Bundle.ACTIVE, bundle.getState());
            List<ServiceReference<?>> registered = new ArrayList<>(List.of(bundle.getRegisteredServices()));
            for (ServiceReference<?> reference : registered) {
                services.put((Long) reference.getProperty("service.id"),
                        String.join(",", (String[]) reference.getProperty("objectClass")));
            }
        }
        for (String component : List.of("auth.SessionService", "auth.AccountService", "auth.AccountAdminService",
                "rest.HttpSettings", "org.OrganisationService", "plugin.PluginInstaller", "plugin.UnitPluginDatabases",
                "study.internal.StudyService", "javax.ws.rs.container.DynamicFeature")) {
            assertTrue(component + " among " + services, services.values().stream().anyMatch(c -> c.contains(component)));
        }
        return services;
    }

    private Object jaxrsRuntimeChangeCount() {
        List<ServiceReference<?>> runtime = services("(objectClass=org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime)");
        assertEquals("one JAX-RS runtime", 1, runtime.size());
        return runtime.get(0).getProperty("service.changecount");
    }
}
