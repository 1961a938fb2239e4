package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Central IT's review setting ({@code unit.upload.review=true}): a unit administrator's upload is
 * checked, answered 202 with the check report and held; nothing is installed until an operator
 * approves it; the unit administrator can neither approve nor reject; a rejected upload leaves
 * nothing; a refused upload is never held; each step is audited.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginReviewIT extends UnionKarafTestSupport {

    private static final String FAMILYDAY_JAR = "union.itests.familyday-jar";
    private static final String FAMILYDAY_BSN = "cn.edu.cumt.union.unit.mining.familyday";
    private static final Duration SERVE_TIMEOUT = Duration.ofSeconds(60);

    @Override
    protected Option[] extraOptions() {
        return new Option[] { systemProperty(FAMILYDAY_JAR).value(Distribution.familydayJar().toString()),
                set(new CfgKey("cn.edu.cumt.union.plugins", "unit.upload.review"), "true") };
    }

    @Test
    public void unitUploadsWaitForAnOperator() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        Rest operator = asAdmin();
        long mining = Fixtures.unit(operator, "MINING");
        Fixtures.importMembers(operator, "UR0001,张审,M,1980-01-01,13900000301,ur1@cumt.edu.cn,MINING,ACTIVE,\n");
        Rest miningAdmin = withToken(login(Fixtures.account(operator, "UR0001", mining), Fixtures.PASSWORD));
        byte[] familyday = Files.readAllBytes(Paths.get(System.getProperty(FAMILYDAY_JAR)));

        // A refused upload is refused as before, and not held.
        byte[] evil = PluginJars.variant(familyday, Map.of(), Map.of("db/changelog.xml",
                xml -> xml.replace("</databaseChangeLog>", "<changeSet id=\"x\" author=\"x\"><sql>CALL X()</sql></changeSet></databaseChangeLog>")));
        Rest.Reply refused = miningAdmin.uploadForm("/api/plugins", "file", "familyday.jar", evil);
        assertEquals(refused.toString(), 400, refused.status());
        assertEquals("[]", miningAdmin.get("/api/plugin-reviews").body());

        Rest.Reply held = miningAdmin.uploadForm("/api/plugins", "file", "familyday.jar", familyday);
        assertEquals(held.toString(), 202, held.status());
        JsonNode review = held.json().path("review");
        assertEquals(held.toString(), "PENDING_REVIEW", held.json().path("action").asText());
        assertEquals("familyday", review.path("pluginId").asText());
        assertEquals("MINING", review.path("ownerUnit").asText());
        assertEquals("INSTALL", review.path("action").asText());
        assertEquals(64, review.path("sha256").asText().length());
        assertTrue(review.toString(), review.path("checks").toString().contains("the schema changelog is declarative only"));
        assertNull("held, not installed", bundle(FAMILYDAY_BSN));
        assertEquals(404, miningAdmin.get("/api/familyday/activities").status());

        // Seen by the unit's administrator and the operator; decided by the operator only.
        assertEquals(1, miningAdmin.get("/api/plugin-reviews").json().size());
        assertEquals(1, operator.get("/api/plugin-reviews").json().size());
        assertEquals(403, miningAdmin.post("/api/plugin-reviews/familyday/approve", Map.of()).status());
        assertEquals(403, miningAdmin.post("/api/plugin-reviews/familyday/reject", Map.of()).status());
        assertEquals(404, operator.post("/api/plugin-reviews/nosuch/approve", Map.of()).status());

        Rest.Reply approved = operator.post("/api/plugin-reviews/familyday/approve", Map.of());
        assertEquals(approved.toString(), 200, approved.status());
        assertEquals("INSTALLED", approved.json().path("action").asText());
        await("familyday answers", SERVE_TIMEOUT, () -> miningAdmin.get("/api/familyday/activities").status() == 200);
        assertEquals("[]", operator.get("/api/plugin-reviews").body());

        // An upgrade waits too; rejected, it leaves the installed version as it was.
        byte[] upgrade = PluginJars.withHeaders(familyday, Map.of("Bundle-Version", "9.0.0"));
        assertEquals(202, miningAdmin.uploadForm("/api/plugins", "file", "familyday.jar", upgrade).status());
        Rest.Reply rejected = operator.post("/api/plugin-reviews/familyday/reject", Map.of("reason", "未说明用途 purpose not given"));
        assertEquals(rejected.toString(), 200, rejected.status());
        assertEquals("[]", operator.get("/api/plugin-reviews").body());
        assertTrue(bundle(FAMILYDAY_BSN).getVersion().toString(), !bundle(FAMILYDAY_BSN).getVersion().toString().startsWith("9."));
        Path held9 = Paths.get(System.getProperty("karaf.data"), "union", "plugin-reviews", "familyday");
        assertTrue("nothing of a rejected upload is kept", !Files.exists(held9));

        JsonNode audit = operator.get("/api/audit?action=plugin.&targetId=familyday&limit=100").json();
        String actions = audit.toString();
        for (String action : new String[] { "plugin.review-requested", "plugin.approve", "plugin.install", "plugin.reject" }) {
            assertTrue(action + " audited: " + actions, actions.contains("\"" + action + "\""));
        }
        assertEquals(200, operator.delete("/api/plugins/familyday").status());
    }
}
