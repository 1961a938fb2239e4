package cn.edu.cumt.union.itests.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.ClassRule;
import org.junit.Test;

import cn.edu.cumt.union.itests.Fixtures;
import cn.edu.cumt.union.itests.KarafSetup;
import cn.edu.cumt.union.itests.PluginJars;
import cn.edu.cumt.union.itests.Rest;

/**
 * Installing a plugin disturbs nobody: several clients drive the core ({@code /api/me}, member
 * search, the unit list) and the study plugin at full speed while a unit plugin is installed,
 * upgraded, disabled, enabled, uninstalled and purged 20 times. Every one of their requests must
 * answer 2xx; and every plugin operation must be in effect when it answers (the plugin serves
 * right after "installed", and is gone right after "disabled").
 */
public class PluginChurnCheck {

    private static final int ROUNDS = 20;
    private static final int CLIENTS = 4;
    private static final String ACTIVITIES = "/api/outing/activities";

    private static final Figures FIGURES = new Figures("churn");

    @ClassRule
    public static final RunningKaraf KARAF = new RunningKaraf("churn", FIGURES);

    @Test
    public void pluginChangesFailNoRequestOfAnyoneElse() throws Exception {
        Rest rest = KARAF.process().rest();
        Rest operator = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        long mining = Fixtures.unit(operator, "MINING");
        Fixtures.importMembers(operator, "CH0001,王矿,M,1980-01-01,13900000201,ch1@cumt.edu.cn,MINING,ACTIVE,\n"
                + "CH0002,王建,F,1981-02-02,13900000202,ch2@cumt.edu.cn,MINING,ACTIVE,\n");
        Rest unitAdmin = rest.withToken(rest.login(Fixtures.account(operator, "CH0001", mining), Fixtures.PASSWORD));
        byte[] v1 = Files.readAllBytes(Paths.get(System.getProperty("union.itests.outing-jar")));
        byte[] v2 = PluginJars.withHeaders(v1, Map.of("Bundle-Version", "1.1.0"));

        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicLong requests = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        // A flag, not interrupts: an interrupted HTTP call would count as a failure of the platform.
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> paths = List.of("/api/me", "/api/members?q=%E7%8E%8B", "/api/study/sessions", "/api/units", "/api/health");
        long started = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            Rest client = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
            int offset = i;
            Thread thread = new Thread(() -> {
                for (int n = offset; running.get(); n++) {
                    String path = paths.get(n % paths.size());
                    int status;
                    try {
                        status = client.get(path).status();
                    } catch (RuntimeException broken) {
                        status = -1;
                    }
                    requests.incrementAndGet();
                    if (status / 100 != 2) {
                        failures.add(path + " -> " + status + " at " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    }
                }
            }, "churn-client-" + i);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }

        long operations = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                expect(unitAdmin.uploadForm("/api/plugins", "file", "outing.jar", v1), 201, "install");
                expect(unitAdmin.get(ACTIVITIES), 200, "outing serves right after install");
                expect(unitAdmin.uploadForm("/api/plugins", "file", "outing-1.1.0.jar", v2), 200, "upgrade");
                expect(unitAdmin.get(ACTIVITIES), 200, "outing serves right after upgrade");
                expect(unitAdmin.post("/api/plugins/outing/disable", Map.of()), 200, "disable");
                expect(unitAdmin.get(ACTIVITIES), 404, "outing gone right after disable");
                expect(unitAdmin.post("/api/plugins/outing/enable", Map.of()), 200, "enable");
                expect(unitAdmin.get(ACTIVITIES), 200, "outing serves right after enable");
                expect(unitAdmin.delete("/api/plugins/outing"), 200, "uninstall");
                expect(unitAdmin.get(ACTIVITIES), 404, "outing gone right after uninstall");
                expect(unitAdmin.post("/api/plugins/outing/purge", Map.of("confirm", "outing")), 200, "purge");
                operations += 6;
            }
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join(20_000);
            }
        }
        FIGURES.add("plugin operations", operations);
        FIGURES.add("requests", requests.get());
        FIGURES.add("requests not 2xx", failures.size());
        FIGURES.note("first failures", failures.isEmpty() ? "-" : String.join("; ", failures.subList(0, Math.min(5, failures.size()))));
        assertTrue("the clients were running: " + requests.get(), requests.get() > ROUNDS * 10L);
        assertEquals("requests that failed while plugins changed: " + failures.subList(0, Math.min(20, failures.size())),
                0, failures.size());
    }

    private static void expect(Rest.Reply reply, int status, String what) {
        assertEquals(what + ": " + reply, status, reply.status());
    }
}
