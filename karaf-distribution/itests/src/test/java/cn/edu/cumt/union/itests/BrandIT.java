package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The 一会一品 plugin's flow over HTTP: a unit applies, the union returns it, the unit resubmits, the
 * union approves with funding, progress is recorded, the evaluation completes it, the report shows it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrandIT extends UnionKarafTestSupport {

    private static final String PROJECTS = "/api/brand/projects";

    private Rest admin;
    private long unit;
    private long otherUnit;

    @Before
    public void unitsMembersAndAccounts() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus("/api/brand/report", 401, BOOT_TIMEOUT);
        awaitStatus(PROJECTS, 401, BOOT_TIMEOUT);
        admin = asAdmin();
        unit = Fixtures.unit(admin, "BRA");
        otherUnit = Fixtures.unit(admin, "BRB");
        Fixtures.importMembers(admin, "BR0001,王一,M,1976-01-02,13800000001,br1@cumt.edu.cn,BRA,ACTIVE,cadre\n"
                + "BR0002,李二,F,1989-03-04,13800000002,br2@cumt.edu.cn,BRA,ACTIVE,\n"
                + "BR0101,赵三,M,1980-05-06,13800000101,br101@cumt.edu.cn,BRB,ACTIVE,\n"
                + "BR0900,钱九,F,1970-07-08,13800000900,br900@cumt.edu.cn,BRA,ACTIVE,cadre\n");
    }

    @Test
    public void applyReturnResubmitApproveFundEvaluateAndReport() {
        Rest unitAdmin = withToken(login(Fixtures.account(admin, "BR0001", unit), Fixtures.PASSWORD));
        Rest otherAdmin = withToken(login(Fixtures.account(admin, "BR0101", otherUnit), Fixtures.PASSWORD));
        Rest member = withToken(login(Fixtures.account(admin, "BR0002", null), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "BR0900"), Fixtures.PASSWORD));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.getYear();

        // The unit applies; nobody outside the unit sees it yet.
        Rest.Reply applied = unitAdmin.post(PROJECTS, Map.of("unitId", unit, "year", year, "name", "书香矿大·悦读工会",
                "aims", "打造全员阅读品牌", "plan", "读书会、讲座、书评大赛", "budgetAsked", new BigDecimal("20000.00")));
        assertEquals(applied.toString(), 201, applied.status());
        long id = applied.json().path("project").path("id").asLong();
        String project = PROJECTS + "/" + id;
        assertEquals("SUBMITTED", status(applied));
        assertEquals(409, unitAdmin.post(PROJECTS, Map.of("unitId", unit, "year", year, "name", "第二个",
                "aims", "a", "plan", "p", "budgetAsked", 1)).status());
        assertEquals("another unit's admin", 404, otherAdmin.get(project).status());
        assertEquals("a member, while submitted", 404, member.get(project).status());
        assertFalse(ids(otherAdmin.get(PROJECTS).json()).contains(id));

        // Returned for changes, edited, resubmitted, approved within the budget.
        assertEquals(403, unitAdmin.post(project + "/review", Map.of("decision", "APPROVE", "fundingGranted", 1)).status());
        Rest.Reply returned = union.post(project + "/review", Map.of("decision", "RETURN", "comment", "请补充预算明细"));
        assertEquals(returned.toString(), "RETURNED", status(returned));
        Rest.Reply edited = unitAdmin.put(project, Map.of("unitId", unit, "year", year, "name", "书香矿大·悦读工会",
                "aims", "打造全员阅读品牌", "plan", "读书会、讲座、书评大赛；预算明细见附件", "budgetAsked", new BigDecimal("18000")));
        assertEquals(edited.toString(), 200, edited.status());
        assertEquals("SUBMITTED", status(unitAdmin.post(project + "/resubmit", null)));
        Rest.Reply tooMuch = union.post(project + "/review", Map.of("decision", "APPROVE", "fundingGranted", 18000.01));
        assertEquals(tooMuch.toString(), 400, tooMuch.status());
        Rest.Reply approved = union.post(project + "/review", Map.of("decision", "APPROVE", "fundingGranted", 15000));
        assertEquals(approved.toString(), "APPROVED", status(approved));
        assertTrue("money goes out as yuan with 2 decimals: " + approved, approved.body().contains("\"fundingGranted\":15000.00"));
        Rest.Reply late = unitAdmin.post(project + "/withdraw", null);
        assertEquals(late.toString(), 409, late.status());
        assertEquals("brand.project.invalid-transition", late.json().path("code").asText());

        // Milestones by the unit start it; funding within the grant; the mid-term inspection.
        Rest.Reply milestone = unitAdmin.post(project + "/milestones", Map.of("title", "启动仪式",
                "dueDate", today.toString()));
        assertEquals(milestone.toString(), 201, milestone.status());
        assertEquals("IN_PROGRESS", status(milestone));
        long milestoneId = milestone.json().path("milestones").get(0).path("id").asLong();
        Rest.Reply done = unitAdmin.put(project + "/milestones/" + milestoneId, Map.of("title", "启动仪式",
                "dueDate", today.toString(), "done", true));
        assertTrue(done.toString(), done.json().path("milestones").get(0).path("done").asBoolean());
        unitAdmin.post(project + "/milestones", Map.of("title", "结题汇报", "dueDate", today.plusMonths(6).toString()));
        assertEquals(403, unitAdmin.post(project + "/disbursements", Map.of("amount", 1, "paidOn", today.toString()))
                .status());
        assertEquals(201, union.post(project + "/disbursements", Map.of("amount", 10000, "paidOn", today.toString(),
                "note", "首笔")).status());
        Rest.Reply over = union.post(project + "/disbursements", Map.of("amount", 5000.01, "paidOn", today.toString()));
        assertEquals(over.toString(), 409, over.status());
        assertEquals("brand.disbursement.over-grant", over.json().path("code").asText());
        Rest.Reply rest = union.post(project + "/disbursements", Map.of("amount", 5000, "paidOn", today.toString()));
        assertTrue(rest.toString(), rest.body().contains("\"disbursed\":15000.00"));
        Rest.Reply inspected = union.put(project + "/inspection", Map.of("date", today.toString(),
                "findings", "按计划推进，参与面广", "rating", "GOOD"));
        assertEquals(inspected.toString(), "GOOD", inspected.json().path("inspection").path("rating").asText());

        // Members and other units see approved projects only, without money or internals.
        Rest.Reply other = otherAdmin.post(PROJECTS, Map.of("unitId", otherUnit, "year", year, "name", "健步走",
                "aims", "a", "plan", "p", "budgetAsked", 3000));
        assertEquals(other.toString(), 201, other.status());
        long otherId = other.json().path("project").path("id").asLong();
        JsonNode seen = member.get(PROJECTS + "?year=" + year).json();
        assertTrue(seen.toString(), ids(seen).contains(id));
        assertFalse(seen.toString(), ids(seen).contains(otherId));
        JsonNode publicView = member.get(project).json();
        assertTrue(publicView.toString(), publicView.path("project").path("budgetAsked").isNull());
        assertTrue(publicView.toString(), publicView.path("disbursements").isNull());
        assertTrue(publicView.toString(), publicView.path("inspection").isNull());
        assertEquals(2, publicView.path("milestones").size());
        assertEquals(200, otherAdmin.get(project).status());
        assertEquals(404, unitAdmin.get(PROJECTS + "/" + otherId).status());

        // The final evaluation completes it.
        Rest.Reply evaluated = union.put(project + "/evaluation", Map.of("distinctiveness", 90, "participation", 85,
                "results", 80, "sustainability", 75, "comment", "特色鲜明"));
        assertEquals(evaluated.toString(), "COMPLETED", status(evaluated));
        assertTrue(evaluated.toString(), evaluated.body().contains("\"total\":82.50"));
        assertEquals("GOOD", evaluated.json().path("evaluation").path("grade").asText());
        assertEquals(409, union.post(project + "/disbursements", Map.of("amount", 1, "paidOn", today.toString()))
                .status());
        assertEquals("良好", member.get(project).json().path("project").path("gradeLabel").asText());

        // The yearly report: the union sees both units, a unit admin only their own.
        Rest.Reply csv = union.get("/api/brand/report?year=" + year + "&format=csv");
        assertEquals(csv.toString(), 200, csv.status());
        assertTrue(csv.body(), csv.body().contains("书香矿大·悦读工会,已结项,18000.00,15000.00,15000.00,82.50,良好"));
        assertTrue(csv.body(), csv.body().contains("健步走"));
        JsonNode mine = unitAdmin.get("/api/brand/report?year=" + year).json();
        assertEquals(mine.toString(), 1, mine.path("projects").asInt());
        assertEquals(403, member.get("/api/brand/report?year=" + year).status());

        JsonNode plugin = member.get("/api/plugins/brand").json();
        assertEquals(plugin.toString(), "一会一品", plugin.path("name").asText());
        assertEquals(plugin.toString(), 9, plugin.path("workPoint").asInt());
        assertTrue("shipped by the university union, no owner unit: " + plugin, plugin.path("ownerUnit").asText("").isEmpty());
        assertEquals(plugin.toString(), "ACTIVE", plugin.path("state").asText());

        JsonNode audit = admin.get("/api/audit?action=brand.&targetId=" + id + "&limit=100").json();
        assertEquals(audit.toString(), 12, audit.path("total").asInt());
    }

    private static String status(Rest.Reply reply) {
        return reply.json().path("project").path("status").asText();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }
}
