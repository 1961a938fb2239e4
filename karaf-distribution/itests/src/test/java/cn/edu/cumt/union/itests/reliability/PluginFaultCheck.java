package cn.edu.cumt.union.itests.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.itests.Await;
import cn.edu.cumt.union.itests.KarafProcess;
import cn.edu.cumt.union.itests.KarafSetup;
import cn.edu.cumt.union.itests.Rest;
import cn.edu.cumt.union.itests.reliability.faults.FailingStartResource;
import cn.edu.cumt.union.itests.reliability.faults.HangingResource;
import cn.edu.cumt.union.itests.reliability.faults.ThrowingResource;

/**
 * Three broken plugins hot-deployed into a running platform (one throws at start, one on every
 * request, one hangs 30 s in a request): the platform, its other plugins and GET /api/plugins keep
 * answering, and the failing one is shown with its error.
 */
public class PluginFaultCheck {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(90);
    /** What "still answers fast" means on a shared 2-core machine while 30 s requests hang. */
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final int HANGING_CALLS = 6;
    private static final int THROWING_CALLS = 20;

    private static final Figures FIGURES = new Figures("faults");

    @ClassRule
    public static final RunningKaraf KARAF = new RunningKaraf("faults", FIGURES);

    private static KarafProcess karaf() {
        return KARAF.process();
    }

    @Test
    public void brokenPluginsHarmNobodyElse() throws Exception {
        Rest rest = karaf().rest();
        Rest admin = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        Path deploy = karaf().home().resolve("deploy");
        Path staging = Files.createDirectories(karaf().home().resolve("fault-staging"));
        Prober prober = new Prober(rest, admin);
        prober.start();
        List<Path> jars = List.of(FaultBundles.build(deploy, staging, "faultstart", FailingStartResource.class, "activate"),
                FaultBundles.build(deploy, staging, "faultthrow", ThrowingResource.class, null),
                FaultBundles.build(deploy, staging, "faulthang", HangingResource.class, null));

        // the plugin that throws at start is listed as FAILED, with its error
        java.util.concurrent.atomic.AtomicReference<JsonNode> shown = new java.util.concurrent.atomic.AtomicReference<>();
        Await.until("faultstart FAILED in GET /api/plugins", DEPLOY_TIMEOUT, () -> {
            shown.set(plugin(admin, "faultstart"));
            return shown.get() != null && "FAILED".equals(shown.get().path("state").asText());
        });
        JsonNode failed = shown.get();
        String error = failed.path("lastError").asText();
        assertTrue(failed.toString(), error.contains("deliberate failure at start"));
        assertTrue("the error without its stack trace: " + error, !error.contains("\tat ") && !error.contains("\n"));
        FIGURES.note("failing plugin shown", failed.path("state").asText() + ": " + error);
        Await.until("faultthrow served", DEPLOY_TIMEOUT, () -> rest.get("/api/faultthrow/probe").status() == 500);
        Await.until("faulthang active", DEPLOY_TIMEOUT, () -> plugin(admin, "faulthang") != null
                && "ACTIVE".equals(plugin(admin, "faulthang").path("state").asText()));
        prober.stopAndReport(FIGURES, "deploy");
        // once the application has settled, the failed plugin's path is simply not there (JSON 404)
        Await.until("GET /api/faultstart/probe -> 404 JSON", DEPLOY_TIMEOUT, () -> {
            Rest.Reply notServed = rest.get("/api/faultstart/probe");
            return notServed.status() == 404 && Verdict.problem(notServed) == null;
        });

        // the plugin that throws answers 500 JSON with an incident id, and nothing else suffers
        for (int i = 0; i < THROWING_CALLS; i++) {
            Rest.Reply reply = rest.get("/api/faultthrow/probe");
            assertEquals(reply.toString(), 500, reply.status());
            assertEquals(reply.toString(), "server.error", Verdict.code(reply));
            assertTrue("an incident id: " + reply, reply.json().path("messageEn").asText().contains("incident ")
                    || reply.body().contains("incident"));
            assertTrue("no stack trace: " + reply, !reply.body().contains("\tat ") && !reply.body().contains("IllegalStateException"));
            FIGURES.inc("plugin.500");
        }

        // the plugin that hangs holds its callers, not the platform
        HttpClient slow = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> hanging = new ArrayList<>();
        long hangStart = System.nanoTime();
        for (int i = 0; i < HANGING_CALLS; i++) {
            hanging.add(slow.sendAsync(HttpRequest.newBuilder(URI.create(KarafProcess.SETUP.baseUrl() + "/api/faulthang/probe"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(1000);
        long slowest = 0;
        Map<String, Rest> probes = Map.of("/api/health", rest, "/api/me", admin, "/api/study/sessions", admin,
                "/api/plugins", admin, "/api/units", admin);
        for (int round = 0; round < 5; round++) {
            for (Map.Entry<String, Rest> probe : probes.entrySet()) {
                long start = System.nanoTime();
                Rest.Reply reply = probe.getValue().get(probe.getKey());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                slowest = Math.max(slowest, millis);
                FIGURES.inc("probes");
                if (reply.status() >= 500) {
                    FIGURES.inc("5xx");
                }
                assertEquals(probe.getKey() + " while requests hang: " + reply, 200, reply.status());
                assertTrue(probe.getKey() + " took " + millis + " ms while requests hang", millis < FAST.toMillis());
            }
            assertEquals(500, rest.get("/api/faultthrow/probe").status());
        }
        assertTrue("the probes ran while the calls still hung", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - hangStart)
                < HangingResource.HANG_MILLIS);
        FIGURES.note("slowest probe while hanging (ms)", Long.toString(slowest));
        CompletableFuture.allOf(hanging.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse<String>> call : hanging) {
            assertEquals("a hanging call ends by itself", 200, call.get().statusCode());
        }

        // and they go away cleanly
        Prober removal = new Prober(rest, admin);
        removal.start();
        for (Path jar : jars) {
            Files.delete(jar);
        }
        Await.until("fault plugins gone", DEPLOY_TIMEOUT, () -> plugin(admin, "faultstart") == null
                && plugin(admin, "faultthrow") == null && plugin(admin, "faulthang") == null);
        removal.stopAndReport(FIGURES, "removal");
        assertEquals(200, rest.get("/api/health").status());
        assertEquals(200, admin.get("/api/study/sessions").status());
    }

    /** Asks the platform and the study plugin every 100 ms while plugins come and go; counts what is not 200. */
    private static final class Prober extends Thread {

        private final Rest rest;
        private final Rest admin;
        private final List<String> misses = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private int probes;
        private long firstMiss = -1;
        private long lastMiss = -1;

        Prober(Rest rest, Rest admin) {
            super("plugin-fault-prober");
            setDaemon(true);
            this.rest = rest;
            this.admin = admin;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            while (running && probes < 3_000) {
                for (String path : List.of("/api/health", "/api/study/sessions")) {
                    probes++;
                    int status;
                    try {
                        status = (path.equals("/api/health") ? rest : admin).get(path).status();
                    } catch (RuntimeException e) {
                        status = -1;
                    }
                    if (status != 200) {
                        long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        firstMiss = firstMiss < 0 ? at : firstMiss;
                        lastMiss = at;
                        misses.add(path + " " + status + " at " + at + " ms");
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopAndReport(Figures figures, String phase) throws InterruptedException {
            running = false;
            join(10_000);
            figures.add("probes", probes);
            figures.add(phase + " probes not 200", misses.size());
            figures.note(phase + " outage window (ms)", firstMiss < 0 ? "0" : (lastMiss - firstMiss + 100) + " from " + firstMiss);
            if (!misses.isEmpty()) {
                System.out.println("PluginFaultCheck: " + phase + ": " + misses);
            }
            // Each plugin has an application of its own: nothing the others serve may miss, not even once.
            assertTrue(phase + ": requests failed while plugins came and went: " + misses, misses.isEmpty());
        }
    }

    private static JsonNode plugin(Rest admin, String id) throws Exception {
        Rest.Reply plugins = admin.get("/api/plugins");
        if (plugins.status() != 200) {
            throw new Exception("GET /api/plugins answered " + plugins); // Await tries again
        }
        for (JsonNode plugin : plugins.json()) {
            if (id.equals(plugin.path("id").asText())) {
                return plugin;
            }
        }
        return null;
    }

}
