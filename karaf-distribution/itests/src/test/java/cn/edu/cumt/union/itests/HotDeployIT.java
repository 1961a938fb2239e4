package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import cn.edu.cumt.union.api.rest.UnionRest;
import cn.edu.cumt.union.api.storage.Storage;

/**
 * A plugin jar dropped into deploy/ of a running platform comes up, goes away when removed and
 * comes back, and nothing else is restarted meanwhile (no refresh cascade, STACK.md trap 6).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT extends UnionKarafTestSupport {

    private static final String STUDY_JAR = "union.itests.study-jar";
    /** Answers 404 while the plugin is absent; anything else (401 once it needs a login) once it is there. */
    private static final String STUDY_PATH = "/api/study/sessions";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);
    /** The bundle events that mean a bundle was restarted or refreshed, by name for the failure message. */
    private static final Map<Integer, String> RESTART_EVENTS = Map.of(BundleEvent.STARTED, "STARTED",
            BundleEvent.STOPPED, "STOPPED", BundleEvent.UNRESOLVED, "UNRESOLVED", BundleEvent.UPDATED, "UPDATED");

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            bootFeaturesWithout("union-study"),
            systemProperty(STUDY_JAR).value(Distribution.studyJar().toString())
        };
    }

    @Test
    public void studyPluginComesAndGoesAloneThroughTheDeployFolder() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        assertNull("union-study must not be booted in this container", bundle(STUDY_BUNDLE));
        assertEquals(404, get(STUDY_PATH).status());

        Map<String, Long> coreServices = coreServiceIds();
        List<String> restarts = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = event -> {
            if (!STUDY_BUNDLE.equals(event.getBundle().getSymbolicName()) && RESTART_EVENTS.containsKey(event.getType())) {
                restarts.add(event.getBundle().getSymbolicName() + " " + RESTART_EVENTS.get(event.getType()));
            }
        };
        Path jar = Paths.get(System.getProperty(STUDY_JAR));
        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", jar.getFileName().toString());
        bundleContext.addBundleListener(listener);
        try {
            Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("HotDeployIT: study up " + awaitStudyUp().toMillis() + " ms after copying the jar");
            Rest admin = asAdmin();
            long root = admin.get("/api/units").json().get(0).path("id").asLong();
            Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            Rest.Reply created = admin.post(STUDY_PATH, Map.of("title", "热部署前的学习会", "startsAt", start.toString(),
                    "endsAt", start.plusSeconds(3600).toString(), "organiserUnitId", root, "targetUnitIds", List.of()));
            assertEquals(created.toString(), 201, created.status());
            String session = STUDY_PATH + "/" + created.json().path("id").asLong();

            Files.delete(deployed);
            System.out.println("HotDeployIT: study gone " + awaitStudyGone().toMillis() + " ms after deleting the jar");

            Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("HotDeployIT: study up again " + awaitStudyUp().toMillis() + " ms after copying the jar");
            Rest.Reply kept = admin.get(session);
            assertEquals("the plugin's data outlives its uninstall: " + kept, "热部署前的学习会", kept.json().path("title").asText());
        } finally {
            bundleContext.removeBundleListener(listener);
        }
        assertTrue("Other bundles were restarted or refreshed: " + restarts, restarts.isEmpty());
        assertEquals("The core's services were re-registered", coreServices, coreServiceIds());
        assertEquals(200, get("/api/health").status());
    }

    /** The study bundle is active, its schema ready and, when it ships endpoints, they answer. */
    private Duration awaitStudyUp() {
        Duration active = await("study bundle ACTIVE with its schema", DEPLOY_TIMEOUT, () -> {
            Bundle study = bundle(STUDY_BUNDLE);
            return study != null && study.getState() == Bundle.ACTIVE && !services(schemaReady("study")).isEmpty();
        });
        // served = its own answer to a caller without a token (401); 404 and 503 platform.starting are the
        // answers of the moments before the whiteboard has bound the application's endpoint
        return active.plus(await(STUDY_PATH + " served", DEPLOY_TIMEOUT, () -> get(STUDY_PATH).status() == 401));
    }

    private Duration awaitStudyGone() {
        return await("study bundle uninstalled and " + STUDY_PATH + " 404", DEPLOY_TIMEOUT,
                () -> bundle(STUDY_BUNDLE) == null && services(schemaReady("study")).isEmpty()
                        && get(STUDY_PATH).status() == 404);
    }

    private Map<String, Long> coreServiceIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String filter : List.of(
                "(&(objectClass=javax.ws.rs.core.Application)(osgi.jaxrs.name=" + UnionRest.APPLICATION_NAME + "))",
                "(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=" + Storage.DATA_SOURCE + "))",
                "(&(objectClass=org.apache.aries.jpa.template.JpaTemplate)(osgi.unit.name=union-core))",
                schemaReady("core"))) {
            ids.put(filter, serviceId(filter));
        }
        return ids;
    }
}
