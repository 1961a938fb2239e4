package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The review flow, the task list and duties over HTTP, through the brand plugin: an application waits on
 * the union's reviewers (not on its applicant, nor on another unit's admin) until decided; an applicant who
 * is a union administrator cannot decide it; uninstalling the plugin takes its tasks out of the list.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FlowIT extends UnionKarafTestSupport {

    private static final String PROJECTS = "/api/brand/projects";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Inject
    private FeaturesService features;

    private Rest admin;
    private long unit;
    private long otherUnit;

    @Before
    public void unitsMembersAndAccounts() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus(PROJECTS, 401, BOOT_TIMEOUT);
        awaitStatus("/api/tasks", 401, BOOT_TIMEOUT);
        admin = asAdmin();
        unit = Fixtures.unit(admin, "FLA");
        otherUnit = Fixtures.unit(admin, "FLB");
        Fixtures.importMembers(admin, "FL0001,周一,M,1976-01-02,13900000001,fl1@cumt.edu.cn,FLA,ACTIVE,\n"
                + "FL0002,吴二,F,1989-03-04,13900000002,fl2@cumt.edu.cn,FLA,ACTIVE,\n"
                + "FL0101,郑三,M,1980-05-06,13900000101,fl101@cumt.edu.cn,FLB,ACTIVE,\n"
                + "FL0900,王九,F,1970-07-08,13900000900,fl900@cumt.edu.cn,FLA,ACTIVE,\n"
                + "FL0901,冯十,M,1971-07-08,13900000901,fl901@cumt.edu.cn,FLB,ACTIVE,\n");
    }

    @Test
    public void anApplicationWaitsOnTheReviewerAloneUntilDecidedAndLeavesWithThePlugin() throws Exception {
        Rest unitAdmin = withToken(login(Fixtures.account(admin, "FL0001", unit), Fixtures.PASSWORD));
        Rest member = withToken(login(Fixtures.account(admin, "FL0002", null), Fixtures.PASSWORD));
        Rest otherAdmin = withToken(login(Fixtures.account(admin, "FL0101", otherUnit), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "FL0900"), Fixtures.PASSWORD));
        Rest union2 = withToken(login(Fixtures.unionAdmin(admin, "FL0901"), Fixtures.PASSWORD));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        Rest.Reply applied = unitAdmin.post(PROJECTS, Map.of("unitId", unit, "year", year, "name", "矿大健步走",
                "aims", "全员健身", "plan", "每月一次", "budgetAsked", 8000));
        assertEquals(applied.toString(), 201, applied.status());
        String link = PROJECTS + "/" + applied.json().path("project").path("id").asLong();

        JsonNode reviewer = tasks(union);
        JsonNode task = find(reviewer, link);
        assertTrue("the reviewer's list shows it: " + reviewer, task != null);
        assertEquals("brand", task.path("plugin").asText());
        assertEquals("校工会审核", task.path("stage").asText());
        assertTrue(task.toString(), task.path("title").asText().contains("矿大健步走"));
        assertFalse(task.path("overdue").asBoolean());
        assertFalse("30 days to review", task.path("due").isNull());
        assertEquals(reviewer.toString(), 0, reviewer.path("missing").size());
        assertEquals("not on the applicant", null, find(tasks(unitAdmin), link));
        assertEquals("not on another unit's admin", null, find(tasks(otherAdmin), link));
        assertEquals("not on a member", null, find(tasks(member), link));
        assertEquals(401, get("/api/tasks").status());

        // a union administrator who applies for a unit never reviews that application
        Rest.Reply onBehalf = union.post(PROJECTS, Map.of("unitId", otherUnit, "year", year, "name", "代申报",
                "aims", "a", "plan", "p", "budgetAsked", 100));
        assertEquals(onBehalf.toString(), 201, onBehalf.status());
        String own = PROJECTS + "/" + onBehalf.json().path("project").path("id").asLong();
        Rest.Reply selfReview = union.post(own + "/review", Map.of("decision", "APPROVE", "fundingGranted", 100));
        assertEquals(selfReview.toString(), 403, selfReview.status());
        assertEquals("flow.own-case", selfReview.json().path("code").asText());
        assertEquals(null, find(tasks(union), own));
        assertTrue(find(tasks(union2), own) != null);

        // decided: gone from every list
        Rest.Reply approved = union.post(link + "/review", Map.of("decision", "APPROVE", "fundingGranted", 6000));
        assertEquals(approved.toString(), "APPROVED", approved.json().path("project").path("status").asText());
        assertEquals(null, find(tasks(union), link));
        assertEquals(null, find(tasks(union2), link));

        // returned: waits on the unit
        Rest.Reply returned = union2.post(own + "/review", Map.of("decision", "RETURN", "comment", "请补充方案"));
        assertEquals(returned.toString(), "RETURNED", returned.json().path("project").path("status").asText());
        assertEquals("退回修改", find(tasks(otherAdmin), own).path("stage").asText());

        // the plugin goes: its tasks go with it, the list still answers; it comes back with its data
        features.uninstallFeature("union-brand", EnumSet.noneOf(FeaturesService.Option.class));
        await(PROJECTS + " gone", TIMEOUT, () -> get(PROJECTS).status() == 404);
        JsonNode without = tasks(otherAdmin);
        assertEquals(without.toString(), 0, without.path("items").size());
        assertEquals(without.toString(), 0, without.path("missing").size());
        features.installFeature("union-brand", EnumSet.noneOf(FeaturesService.Option.class));
        await("the brand tasks back", TIMEOUT, () -> find(tasks(otherAdmin), own) != null);
    }

    @Test
    public void unionAdministratorsGrantAndRevokeDutiesAndNobodyElseDoes() {
        Rest unitAdmin = withToken(login(Fixtures.account(admin, "FL0001", unit), Fixtures.PASSWORD));
        Rest member = withToken(login(Fixtures.account(admin, "FL0002", null), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "FL0900"), Fixtures.PASSWORD));
        long memberId = Fixtures.memberId(admin, "FL0002");
        Map<String, Object> grant = Map.of("code", "reviewer", "label", "评审专家", "memberId", memberId, "unitId", unit,
                "from", "2026-01-01", "to", "2026-12-31");
        Rest.Reply refused = unitAdmin.post("/api/duties", grant);
        assertEquals(refused.toString(), 403, refused.status());
        assertEquals(403, member.post("/api/duties", grant).status());
        Rest.Reply granted = union.post("/api/duties", grant);
        assertEquals(granted.toString(), 201, granted.status());
        long id = granted.json().path("id").asLong();
        assertEquals(409, union.post("/api/duties", grant).status());
        Rest.Reply bad = union.post("/api/duties", Map.of("code", "Reviewer!", "label", "x", "memberId", memberId,
                "unitId", unit, "from", "2026-01-01"));
        assertEquals(bad.toString(), 400, bad.status());
        JsonNode mine = member.get("/api/duties").json();
        assertEquals(mine.toString(), 1, mine.path("total").asInt());
        assertEquals("评审专家", mine.path("items").get(0).path("label").asText());
        assertEquals(1, unitAdmin.get("/api/duties?code=reviewer").json().path("total").asInt());
        assertEquals(403, unitAdmin.post("/api/duties/" + id + "/revoke", null).status());
        Rest.Reply revoked = union.post("/api/duties/" + id + "/revoke", null);
        assertEquals(revoked.toString(), 200, revoked.status());
        assertEquals(0, member.get("/api/duties").json().path("total").asInt());
        JsonNode audit = admin.get("/api/audit?action=duty.&targetId=" + id).json();
        assertEquals(audit.toString(), 2, audit.path("total").asInt());
    }

    private static JsonNode tasks(Rest user) {
        Rest.Reply reply = user.get("/api/tasks");
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json();
    }

    private static JsonNode find(JsonNode list, String link) {
        for (JsonNode item : list.path("items")) {
            if (link.equals(item.path("link").asText())) {
                return item;
            }
        }
        return null;
    }
}
