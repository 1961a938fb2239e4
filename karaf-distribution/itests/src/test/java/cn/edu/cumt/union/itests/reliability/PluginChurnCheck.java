package cn.edu.cumt.union.itests.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.ClassRule;
import org.junit.Test;

import cn.edu.cumt.union.itests.Bystanders;
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

        Bystanders bystanders = new Bystanders(rest, CLIENTS, "churn");
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
            bystanders.close();
        }
        FIGURES.add("plugin operations", operations);
        FIGURES.add("requests", bystanders.requests());
        FIGURES.add("requests not 2xx", bystanders.failures().size());
        FIGURES.note("first failures", bystanders.firstFailures(5));
        assertTrue("the clients were running: " + bystanders.requests(), bystanders.requests() > ROUNDS * 10L);
        assertEquals("requests that failed while plugins changed: " + bystanders.firstFailures(20), 0,
                bystanders.failures().size());
    }

    private static void expect(Rest.Reply reply, int status, String what) {
        assertEquals(what + ": " + reply, status, reply.status());
    }
}
