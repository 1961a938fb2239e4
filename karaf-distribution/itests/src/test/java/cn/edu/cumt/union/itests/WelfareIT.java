package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The welfare plugin over HTTP with real accounts: a member applies for hardship help with a document,
 * their unit reviews, the union grants within the caps and pays from the fund; nobody else ever sees the
 * application (by id, in a list, in a count, in a task or a notice), figures hide counts below 5, exports
 * are masked. Then a trip sign-up and a social with opt-in, opt-out and its organisers-only list.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WelfareIT extends UnionKarafTestSupport {

    /** This plugin is under test here; the other work-point plugins stay out of the boot. */
    @Override
    protected java.util.Set<String> pluginsNotUnderTest() {
        return java.util.Set.of("union-congress", "union-honours");
    }

    private static final String CASES = "/api/welfare/cases";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private Rest admin;
    private long unit;
    private long otherUnit;

    @Before
    public void unitsMembersAndAccounts() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus("/api/welfare/visits", 401, BOOT_TIMEOUT);
        awaitStatus(CASES, 401, BOOT_TIMEOUT);
        admin = asAdmin();
        unit = Fixtures.unit(admin, "WFA");
        otherUnit = Fixtures.unit(admin, "WFB");
        Fixtures.importMembers(admin, "WF0001,周一,F,1980-01-02,13812345678,wf1@cumt.edu.cn,WFA,ACTIVE,single;model-worker\n"
                + "WF0002,吴二,M,1985-03-04,13800000002,wf2@cumt.edu.cn,WFA,ACTIVE,\n"
                + "WF0003,郑三,M,1975-05-06,13800000003,wf3@cumt.edu.cn,WFA,ACTIVE,cadre\n"
                + "WF0101,王四,F,1982-07-08,13800000101,wf101@cumt.edu.cn,WFB,ACTIVE,single\n"
                + "WF0900,冯九,M,1970-09-10,13800000900,wf900@cumt.edu.cn,WFA,ACTIVE,cadre\n");
    }

    @Test
    public void hardshipHelpStaysWithTheApplicantTheirUnitAndTheUnion() {
        Rest applicant = withToken(login(Fixtures.account(admin, "WF0001", null), Fixtures.PASSWORD));
        Rest other = withToken(login(Fixtures.account(admin, "WF0002", null), Fixtures.PASSWORD));
        Rest unitAdmin = withToken(login(Fixtures.account(admin, "WF0003", unit), Fixtures.PASSWORD));
        Rest otherAdmin = withToken(login(Fixtures.account(admin, "WF0101", otherUnit), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "WF0900"), Fixtures.PASSWORD));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        // the member applies with a document
        Rest.Reply applied = applicant.post(CASES, Map.of("fund", "LOVE_FUND", "reason", "爱人重病住院，医疗费用负担重",
                "amountAsked", 6000, "idNumber", "32010219800102123X", "phone", "13812345678"));
        assertEquals(applied.toString(), 201, applied.status());
        long id = applied.json().path("application").path("id").asLong();
        String path = CASES + "/" + id;
        assertEquals("unit", applied.json().path("application").path("stage").asText());
        Rest.Reply uploaded = applicant.upload("/api/attachments/welfare/case/" + id + "?name="
                + URLEncoder.encode("诊断证明.pdf", StandardCharsets.UTF_8), "application/pdf", PDF);
        assertEquals(uploaded.toString(), 201, uploaded.status());
        long fileId = uploaded.json().path("id").asLong();

        // nobody else sees it: not by id, not in a list, not in a count, not its document, not as a task
        for (Rest outsider : List.of(other, otherAdmin)) {
            Rest.Reply byId = outsider.get(path);
            assertEquals(byId.toString(), 404, byId.status());
            assertEquals("welfare.case.not-found", byId.json().path("code").asText());
            JsonNode list = outsider.get(CASES).json();
            assertEquals(list.toString(), 0, list.path("total").asInt());
            assertEquals(404, outsider.get("/api/attachments/" + fileId).status());
            assertEquals(404, outsider.get("/api/attachments/welfare/case/" + id).status());
            assertEquals(404, outsider.post(path + "/withdraw", null).status());
            assertFalse(outsider.get("/api/tasks").body().contains("/api/welfare/cases/" + id));
        }
        assertEquals(404, other.get(path).status());
        assertEquals(unknownId(applicant), 404, applicant.get(CASES + "/" + (id + 100000)).status());
        assertEquals(1, applicant.get(CASES).json().path("total").asInt());
        assertEquals(200, applicant.get("/api/attachments/" + fileId).status());

        // the unit reviews; its task names no one
        JsonNode tasks = unitAdmin.get("/api/tasks").json();
        assertTrue(tasks.toString(), tasks.toString().contains("/api/welfare/cases/" + id));
        assertFalse(tasks.toString(), tasks.toString().contains("周一"));
        assertEquals(403, applicant.post(path + "/review", Map.of("decision", "APPROVE")).status());
        assertEquals(404, otherAdmin.post(path + "/review", Map.of("decision", "APPROVE")).status());
        Rest.Reply early = union.post(path + "/review", Map.of("decision", "APPROVE", "stage", "union", "amountGranted", 100));
        assertEquals(early.toString(), 409, early.status());
        Rest.Reply unitOk = unitAdmin.post(path + "/review", Map.of("decision", "APPROVE", "comment", "情况属实"));
        assertEquals(unitOk.toString(), "union", unitOk.json().path("application").path("stage").asText());

        // the union grants within the caps (5000 a case from the love fund) and pays from the fund
        Rest.Reply overCap = union.post(path + "/review", Map.of("decision", "APPROVE", "amountGranted", 5000.01));
        assertEquals(overCap.toString(), 409, overCap.status());
        assertEquals("welfare.cap.case", overCap.json().path("code").asText());
        Rest.Reply granted = union.post(path + "/review", Map.of("decision", "APPROVE", "amountGranted", 5000));
        assertEquals(granted.toString(), "APPROVED", granted.json().path("application").path("state").asText());
        assertTrue(granted.body(), granted.body().contains("\"amountGranted\":5000.00"));
        Rest.Reply broke = union.post(path + "/payment", Map.of("paidOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        assertEquals(broke.toString(), "welfare.fund.insufficient", broke.json().path("code").asText());
        assertEquals(201, union.post("/api/welfare/funds/LOVE_FUND/income", Map.of("amount", 20000,
                "receivedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "note", "年度拨款")).status());
        assertEquals(403, unitAdmin.post(path + "/payment", Map.of("paidOn", LocalDate.now().toString())).status());
        Rest.Reply paid = union.post(path + "/payment", Map.of("paidOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        assertEquals(paid.toString(), 200, paid.status());
        assertTrue(paid.json().path("application").path("paid").asBoolean());

        // the applicant's notices carry no content
        JsonNode inbox = applicant.get("/api/me/notifications").json();
        assertTrue(inbox.toString(), inbox.toString().contains("有事项等待您处理"));
        assertFalse(inbox.toString(), inbox.toString().contains("爱心扶助金") || inbox.toString().contains("5000"));

        // figures: a unit with fewer than 5 cases shows <5, and no total gives it away; 5 cases show
        for (int i = 0; i < 5; i++) {
            Rest.Reply small = other.post(CASES, Map.of("fund", "TEMP_SUBSIDY", "reason", "临时困难 " + i, "amountAsked", 100));
            long c = small.json().path("application").path("id").asLong();
            assertEquals(200, unitAdmin.post(CASES + "/" + c + "/review", Map.of("decision", "APPROVE")).status());
            assertEquals(200, union.post(CASES + "/" + c + "/review", Map.of("decision", "APPROVE", "amountGranted", 100)).status());
        }
        JsonNode report = union.get("/api/welfare/funds/report?year=" + year).json();
        JsonNode love = row(report.path("rows"), unit, "LOVE_FUND");
        assertEquals(love.toString(), "<5", love.path("casesShown").asText());
        assertTrue(love.toString(), love.path("cases").isNull() && love.path("granted").isNull());
        JsonNode temp = row(report.path("rows"), unit, "TEMP_SUBSIDY");
        assertEquals(temp.toString(), 5, temp.path("cases").asInt());
        for (JsonNode total : report.path("totals")) {
            assertTrue(total.toString(), total.path("cases").isNull()); // every fund has a hidden unit under it
        }
        assertEquals("15000.00", report.path("funds").get(0).path("balance").decimalValue().setScale(2).toPlainString());
        Rest.Reply csv = union.get("/api/welfare/funds/report?year=" + year + "&format=csv");
        assertTrue(csv.body(), csv.body().contains("测试单位WFA,爱心扶助金,<5,,"));
        JsonNode theirs = otherAdmin.get("/api/welfare/funds/report?year=" + year).json();
        assertTrue(theirs.toString(), theirs.path("funds").isEmpty());
        for (JsonNode r : theirs.path("rows")) {
            assertEquals(otherUnit, r.path("unitId").asLong());
        }
        assertEquals(403, applicant.get("/api/welfare/funds/report?year=" + year).status());

        // exports mask ID and phone numbers, and hold only the caller's units
        Rest.Reply export = unitAdmin.get(CASES + "/export?year=" + year + "&format=csv");
        assertEquals(export.toString(), 200, export.status());
        assertTrue(export.body(), export.body().contains("320***********123X") && export.body().contains("138****5678"));
        assertFalse(export.body(), export.body().contains("32010219800102123X") || export.body().contains("13812345678"));
        assertFalse(otherAdmin.get(CASES + "/export?year=" + year + "&format=csv").body().contains("WF0001"));
        assertEquals(403, applicant.get(CASES + "/export?year=" + year + "&format=csv").status());
    }

    @Test
    public void tripsAndSocials() {
        Rest applicant = withToken(login(Fixtures.account(admin, "WF0001", null), Fixtures.PASSWORD));
        Rest other = withToken(login(Fixtures.account(admin, "WF0002", null), Fixtures.PASSWORD));
        Rest unitAdmin = withToken(login(Fixtures.account(admin, "WF0003", unit), Fixtures.PASSWORD));
        Rest otherAdmin = withToken(login(Fixtures.account(admin, "WF0101", otherUnit), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "WF0900"), Fixtures.PASSWORD));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        Map<String, Object> trip = new HashMap<>(Map.of("title", "劳模疗休养", "destination", "杭州",
                "startsOn", today.plusDays(30).toString(), "endsOn", today.plusDays(35).toString(),
                "signupUntil", today.plusDays(10).toString(), "quotas", List.of(Map.of("unitId", unit, "places", 1)),
                "eligibleCategories", List.of("model-worker"), "priorityCategories", List.of("model-worker")));
        assertEquals(403, unitAdmin.post("/api/welfare/trips", trip).status());
        Rest.Reply created = union.post("/api/welfare/trips", trip);
        assertEquals(created.toString(), 201, created.status());
        long tripId = created.json().path("id").asLong();
        Rest.Reply signed = applicant.post("/api/welfare/trips/" + tripId + "/signup", null);
        assertEquals(signed.toString(), "PENDING", signed.json().path("mySignup").asText());
        Rest.Reply notEligible = other.post("/api/welfare/trips/" + tripId + "/signup", null);
        assertEquals(notEligible.toString(), "welfare.trip.not-eligible", notEligible.json().path("code").asText());
        Rest.Reply early = union.post("/api/welfare/trips/" + tripId + "/allocate", Map.of("seed", 7));
        assertEquals(early.toString(), "welfare.trip.signup-open", early.json().path("code").asText());
        assertEquals(1, unitAdmin.get("/api/welfare/trips/" + tripId + "/roster").json().size());
        assertEquals(0, otherAdmin.get("/api/welfare/trips/" + tripId + "/roster").json().size());

        OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(2);
        Rest.Reply social = union.post("/api/welfare/events", Map.of("kind", "SOCIAL", "title", "单身青年职工联谊会",
                "place", "南湖校区", "startsAt", starts.toString(), "endsAt", starts.plusHours(3).toString(),
                "organiserUnitId", unit, "categories", List.of("single")));
        assertEquals(social.toString(), 201, social.status());
        String event = "/api/welfare/events/" + social.json().path("id").asLong();
        assertEquals(404, other.post(event + "/signup", null).status()); // not single: not invited
        assertTrue(applicant.post(event + "/signup", null).json().path("mine").asBoolean());
        assertTrue(applicant.get(event).json().path("signedUp").isNull());
        assertEquals(1, unitAdmin.get(event + "/signups").json().size());
        assertEquals(404, otherAdmin.get(event + "/signups").status());
        assertEquals(403, applicant.get(event + "/signups").status());
        assertEquals(204, applicant.delete(event + "/signup").status());
        assertEquals(0, union.get(event + "/signups").json().size());

        JsonNode pages = applicant.get("/api/ui/pages").json();
        assertTrue(pages.toString(), pages.toString().contains("my-cases"));
        JsonNode paths = applicant.get("/api/openapi.json").json().path("paths");
        assertTrue("the served document has the plugin's operations", paths.has("/welfare/cases/{id}/review")
                && paths.has("/welfare/trips/{id}/allocate") && paths.has("/welfare/events/{id}/signups"));
        JsonNode plugin = applicant.get("/api/plugins/welfare").json();
        assertEquals(plugin.toString(), 6, plugin.path("workPoint").asInt());
    }

    private static JsonNode row(JsonNode rows, long unitId, String fund) {
        List<JsonNode> found = new ArrayList<>();
        rows.forEach(r -> {
            if (r.path("unitId").asLong() == unitId && fund.equals(r.path("fund").asText())) {
                found.add(r);
            }
        });
        assertEquals(rows.toString(), 1, found.size());
        return found.get(0);
    }

    private static String unknownId(Rest caller) {
        return "an unknown id answers like another's";
    }
}
