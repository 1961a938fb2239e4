package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 选树劳模先进 over HTTP with real accounts: the union opens a call; two units nominate within their quota
 * (one over it is refused, another unit's draft stays hidden); the union checks eligibility; the committee
 * (members holding the duty) votes in the core's secret ballot, others may not, and no answer links a vote
 * to a voter; the result goes on notice; a member objects in their own name (nobody else reads it); the
 * list cannot be finalised while the objection is open nor before the notice ends; then it is published
 * and shows in the honoured member's record, the task list and the scorecard's indicators.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HonoursIT extends UnionKarafTestSupport {

    /** This plugin is under test here; the other work-point plugins stay out of the boot. */
    @Override
    protected java.util.Set<String> pluginsNotUnderTest() {
        return java.util.Set.of("union-congress", "union-welfare");
    }

    private static final String CALLS = "/api/honours/calls";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String DUTY = "honours-reviewer";

    private Rest admin;
    private long unitA;
    private long unitB;

    @Before
    public void unitsMembersAndAccounts() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus(CALLS, 401, BOOT_TIMEOUT);
        admin = asAdmin();
        unitA = Fixtures.unit(admin, "HOA");
        unitB = Fixtures.unit(admin, "HOB");
        Fixtures.importMembers(admin, "HO0001,陈一,M,1976-01-02,13700000001,ho1@cumt.edu.cn,HOA,ACTIVE,\n"
                + "HO0002,林二,F,1979-03-04,13700000002,ho2@cumt.edu.cn,HOA,ACTIVE,young\n"
                + "HO0003,黄三,M,1985-05-06,13700000003,ho3@cumt.edu.cn,HOA,ACTIVE,\n"
                + "HO0004,何四,F,1988-05-06,13700000004,ho4@cumt.edu.cn,HOA,ACTIVE,young\n"
                + "HO0101,罗五,M,1980-05-06,13700000101,ho101@cumt.edu.cn,HOB,ACTIVE,\n"
                + "HO0102,梁六,F,1981-05-06,13700000102,ho102@cumt.edu.cn,HOB,ACTIVE,young\n"
                + "HO0201,宋七,M,1966-01-01,13700000201,ho201@cumt.edu.cn,HOB,ACTIVE,\n"
                + "HO0202,唐八,F,1968-01-01,13700000202,ho202@cumt.edu.cn,HOB,ACTIVE,\n"
                + "HO0203,许九,M,1970-01-01,13700000203,ho203@cumt.edu.cn,HOB,ACTIVE,\n"
                + "HO0900,韩十,F,1970-07-08,13700000900,ho900@cumt.edu.cn,HOB,ACTIVE,\n");
    }

    @Test
    public void callNominateCheckVoteNoticeObjectAnswerFinaliseAndRecord() throws Exception {
        Rest unitAdminA = withToken(login(Fixtures.account(admin, "HO0001", unitA), Fixtures.PASSWORD));
        Rest unitAdminB = withToken(login(Fixtures.account(admin, "HO0101", unitB), Fixtures.PASSWORD));
        Rest nominee = withToken(login(Fixtures.account(admin, "HO0002", null), Fixtures.PASSWORD));
        Rest objector = withToken(login(Fixtures.account(admin, "HO0003", null), Fixtures.PASSWORD));
        Rest bystander = withToken(login(Fixtures.account(admin, "HO0102", null), Fixtures.PASSWORD));
        Rest expert1 = withToken(login(Fixtures.account(admin, "HO0201", null), Fixtures.PASSWORD));
        Rest expert2 = withToken(login(Fixtures.account(admin, "HO0202", null), Fixtures.PASSWORD));
        Rest notExpert = withToken(login(Fixtures.account(admin, "HO0203", null), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "HO0900"), Fixtures.PASSWORD));
        for (String staffNo : List.of("HO0201", "HO0202")) {
            Rest.Reply granted = union.post("/api/duties", Map.of("code", DUTY, "label", "评审专家",
                    "memberId", Fixtures.memberId(admin, staffNo), "unitId", unitB,
                    "from", java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
            assertEquals(granted.toString(), 201, granted.status());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int year = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        // The union opens the call; a unit administrator may not.
        Map<String, Object> call = new HashMap<>(Map.of("year", year, "title", "青年师德标兵与文明窗口评选",
                "nominationOpens", now.minusSeconds(60).toString(), "nominationCloses", now.plusSeconds(3600).toString(),
                "noticeDays", 5, "defaultQuota", 1, "committeeDuty", DUTY,
                "categories", List.of(Map.of("code", "young-model", "name", "青年师德标兵", "kind", "INDIVIDUAL",
                        "places", 1, "memberCategory", "young"),
                        Map.of("code", "civil-window", "name", "十佳文明窗口单位", "kind", "GROUP", "places", 1)),
                "quotas", List.of(Map.of("unitId", unitB, "quota", 2))));
        assertEquals(403, unitAdminA.post(CALLS, call).status());
        Rest.Reply created = union.post(CALLS, call);
        assertEquals(created.toString(), 201, created.status());
        long callId = created.json().path("id").asLong();
        String path = CALLS + "/" + callId;
        long individual = created.json().path("categories").get(0).path("id").asLong();
        long group = created.json().path("categories").get(1).path("id").asLong();
        assertEquals("members read calls", 200, nominee.get(path).status());

        // Unit A nominates within its quota of one; a second nomination is over it.
        Rest.Reply draft = unitAdminA.post(path + "/nominations", Map.of("categoryId", individual, "unitId", unitA,
                "memberId", Fixtures.memberId(admin, "HO0002"), "caseText", "三尺讲台二十年，师德高尚"));
        assertEquals(draft.toString(), 201, draft.status());
        long nominationA = draft.json().path("id").asLong();
        assertEquals("DRAFT", draft.json().path("status").asText());
        Rest.Reply overQuota = unitAdminA.post(path + "/nominations", Map.of("categoryId", group, "unitId", unitA,
                "nomineeUnitId", unitA, "caseText", "服务窗口"));
        assertEquals(overQuota.toString(), 409, overQuota.status());
        assertEquals("honours.quota-exceeded", overQuota.json().path("code").asText());
        Rest.Reply notEligible = unitAdminB.post(path + "/nominations", Map.of("categoryId", individual, "unitId", unitB,
                "memberId", Fixtures.memberId(admin, "HO0203"), "caseText", "不是青年教职工"));
        assertEquals(notEligible.toString(), 400, notEligible.status());
        assertEquals("honours.not-eligible", notEligible.json().path("code").asText());
        Rest.Reply outside = unitAdminB.post(path + "/nominations", Map.of("categoryId", individual, "unitId", unitA,
                "memberId", Fixtures.memberId(admin, "HO0004"), "caseText", "替别的单位推荐"));
        assertEquals(outside.toString(), 403, outside.status());

        // The draft and its case file stay inside unit A.
        String files = "/api/attachments/honours/nomination/" + nominationA;
        Rest.Reply uploaded = unitAdminA.upload(files + "?name=" + java.net.URLEncoder.encode("事迹材料.pdf",
                StandardCharsets.UTF_8), "application/pdf", PDF);
        assertEquals(uploaded.toString(), 201, uploaded.status());
        assertEquals("another unit's admin reads the draft", 404, unitAdminB.get("/api/honours/nominations/" + nominationA)
                .status());
        assertEquals(404, unitAdminB.get(files).status());
        assertEquals(404, unitAdminB.post("/api/honours/nominations/" + nominationA + "/submit", null).status());
        assertFalse(ids(unitAdminB.get("/api/honours/nominations?callId=" + callId).json()).contains(nominationA));
        assertEquals("a member reads no nomination", 403, nominee.get("/api/honours/nominations/" + nominationA).status());
        assertEquals(200, unitAdminA.get(files).status());

        // Submitted; unit B nominates too; the union checks both (a unit admin may not).
        assertEquals("SUBMITTED", unitAdminA.post("/api/honours/nominations/" + nominationA + "/submit", null).json()
                .path("status").asText());
        assertEquals("attachments are fixed once submitted", 403, unitAdminA.upload(files + "?name=x.pdf",
                "application/pdf", PDF).status());
        Rest.Reply b = unitAdminB.post(path + "/nominations", Map.of("categoryId", individual, "unitId", unitB,
                "memberId", Fixtures.memberId(admin, "HO0102"), "caseText", "科研育人成果显著"));
        long nominationB = b.json().path("id").asLong();
        unitAdminB.post("/api/honours/nominations/" + nominationB + "/submit", null);
        Rest.Reply window = unitAdminB.post(path + "/nominations", Map.of("categoryId", group, "unitId", unitB,
                "nomineeUnitId", unitB, "caseText", "服务窗口热情周到"));
        assertEquals("unit B's own quota is 2", 201, window.status());
        long nominationWindow = window.json().path("id").asLong();
        unitAdminB.post("/api/honours/nominations/" + nominationWindow + "/submit", null);
        JsonNode unionTasks = union.get("/api/tasks").json();
        assertTrue(unionTasks.toString(), unionTasks.toString().contains("/api/honours/nominations/" + nominationA));
        assertFalse(unitAdminB.get("/api/tasks").json().toString().contains("/api/honours/nominations/" + nominationA));
        assertEquals(403, unitAdminA.post("/api/honours/nominations/" + nominationA + "/review",
                Map.of("decision", "APPROVE")).status());
        for (long id : List.of(nominationA, nominationB, nominationWindow)) {
            Rest.Reply checked = union.post("/api/honours/nominations/" + id + "/review", Map.of("decision", "APPROVE"));
            assertEquals(checked.toString(), "ELIGIBLE", checked.json().path("status").asText());
        }

        // The committee's secret ballot: experts vote, within one per award; nobody else may.
        Rest.Reply opened = union.post(path + "/ballot", Map.of("opensAt", now.minusSeconds(5).toString(),
                "closesAt", now.plusSeconds(3600).toString()));
        assertEquals(opened.toString(), "VOTING", opened.json().path("status").asText());
        long ballotId = opened.json().path("ballotId").asLong();
        String votes = "/api/ballots/" + ballotId + "/votes";
        Rest.Reply both = expert1.post(votes, Map.of("choices", List.of("n" + nominationA, "n" + nominationB)));
        assertEquals(both.toString(), 400, both.status());
        assertEquals("ballot.too-many-in-category", both.json().path("code").asText());
        Rest.Reply refused = notExpert.post(votes, Map.of("choices", List.of("n" + nominationB)));
        assertEquals(refused.toString(), 403, refused.status());
        assertEquals(403, nominee.post(votes, Map.of("choices", List.of("n" + nominationA))).status());
        assertEquals(201, expert1.post(votes, Map.of("choices", List.of("n" + nominationA))).status());
        assertEquals(201, expert2.post(votes, Map.of("choices", List.of("n" + nominationA))).status());
        assertEquals(409, union.get(path + "/results").status());
        assertEquals(403, unitAdminA.post(path + "/ballot/close", null).status());
        assertEquals(200, union.post(path + "/ballot/close", null).status());
        Rest.Reply results = union.get(path + "/results");
        assertEquals(results.toString(), 200, results.status());
        assertEquals(nominationA, results.json().get(0).path("nominationId").asLong());
        assertEquals(2, results.json().get(0).path("votes").asLong());
        // No answer links a vote to a voter: not the plugin's, nor the core's tally or ballot.
        List<String> voters = List.of("HO0201", "HO0202", "宋七", "唐八",
                "\"memberId\":" + Fixtures.memberId(admin, "HO0201"), "\"memberId\":" + Fixtures.memberId(admin, "HO0202"));
        for (Rest.Reply reply : List.of(results, union.get("/api/ballots/" + ballotId + "/tally"),
                union.get("/api/ballots/" + ballotId), union.get(path), union.get("/api/honours/nominations?callId=" + callId),
                expert1.get("/api/ballots/" + ballotId + "/tally"), union.get("/api/honours/nominations/" + nominationA))) {
            assertEquals(reply.toString(), 200, reply.status());
            for (String voter : voters) {
                assertFalse(voter + " in " + reply, reply.body().contains(voter));
            }
        }

        // On notice: everyone reads the list; a member objects in their own name; only the union reads it.
        assertEquals(409, objector.post(path + "/objections", Map.of("nominationId", nominationA, "reason", "早")).status());
        Rest.Reply notice = union.post(path + "/notice", Map.of());
        assertEquals(notice.toString(), "NOTICE", notice.json().path("status").asText());
        JsonNode list = bystander.get(path + "/list").json();
        assertEquals(list.toString(), 1, list.path("items").size());
        assertEquals("林二", list.path("items").get(0).path("nomineeName").asText());
        assertTrue(list.path("items").get(0).path("votes").isNull());
        assertTrue(list.path("objectionsOpen").asBoolean());
        Rest.Reply objection = objector.post(path + "/objections", Map.of("nominationId", nominationA,
                "reason", "据我所知，其事迹材料中的获奖情况与事实不符"));
        assertEquals(objection.toString(), 201, objection.status());
        long objectionId = objection.json().path("id").asLong();
        String objectionPath = "/api/honours/objections/" + objectionId;
        assertEquals("another member reads the objection", 404, bystander.get(objectionPath).status());
        assertEquals("a unit admin reads the objection", 404, unitAdminA.get(objectionPath).status());
        assertEquals(403, bystander.get(path + "/objections").status());
        assertEquals(403, unitAdminA.get(path + "/objections").status());
        assertFalse(bystander.get(path + "/list").body().contains("事实不符"));
        assertEquals(0, bystander.get("/api/honours/me/objections").json().size());
        assertEquals(200, objector.get(objectionPath).status());
        JsonNode seen = union.get(path + "/objections").json();
        assertEquals("HO0003", seen.get(0).path("filedBy").asText());

        // Finalising is refused while the objection is open, and then until the notice ends.
        Rest.Reply blocked = union.post(path + "/finalise", null);
        assertEquals(blocked.toString(), 409, blocked.status());
        assertEquals("honours.objections-unanswered", blocked.json().path("code").asText());
        assertEquals(403, unitAdminA.post(objectionPath + "/answer", Map.of("answer", "x", "upheld", false)).status());
        Rest.Reply answered = union.post(objectionPath + "/answer", Map.of("answer", "经核实，材料属实，异议不成立",
                "upheld", false));
        assertEquals(answered.toString(), 200, answered.status());
        assertEquals("经核实，材料属实，异议不成立", objector.get(objectionPath).json().path("answer").asText());
        Rest.Reply early = union.post(path + "/finalise", null);
        assertEquals(early.toString(), "honours.notice.running", early.json().path("code").asText());
        noticeEnds(callId);
        assertEquals(403, unitAdminA.post(path + "/finalise", null).status());
        Rest.Reply published = union.post(path + "/finalise", null);
        assertEquals(published.toString(), "FINAL", published.json().path("status").asText());
        assertEquals("AWARDED", bystander.get(path + "/list").json().path("items").get(0).path("status").asText());

        // The record, the inbox, the scorecard's indicator, the pages and the audit trail.
        JsonNode mine = nominee.get("/api/honours/me").json();
        assertEquals(mine.toString(), 1, mine.path("total").asInt());
        assertEquals("青年师德标兵", mine.path("items").get(0).path("categoryName").asText());
        assertEquals(year, mine.path("items").get(0).path("year").asInt());
        assertEquals(0, objector.get("/api/honours/me").json().path("total").asInt());
        assertTrue(nominee.get("/api/me/notifications").body().contains("荣誉公布"));
        assertTrue(objector.get("/api/me/notifications").body().contains("您的异议已答复"));
        assertTrue(union.get("/api/scorecard/indicators").body().contains("honours.awards"));
        assertTrue(nominee.get("/api/ui/pages").body().contains("\"id\":\"my-honours\""));
        assertFalse("the union's pages are not a member's", nominee.get("/api/ui/pages").body().contains("\"id\":\"finalise\""));
        JsonNode audit = admin.get("/api/audit?action=honours.&limit=200").json();
        assertTrue(audit.toString(), audit.path("total").asInt() >= 12);
        JsonNode plugin = nominee.get("/api/plugins/honours").json();
        assertEquals(plugin.toString(), 3, plugin.path("workPoint").asInt());
        assertEquals(plugin.toString(), "ACTIVE", plugin.path("state").asText());
        assertNotNull(bundle("cn.edu.cumt.union.union-plugin-honours"));
        // The served API document has the plugin's operations with their roles (what the reliability suite walks).
        JsonNode openapi = admin.get("/api/openapi.json").json().path("paths");
        JsonNode finalise = openapi.path("/honours/calls/{id}/finalise").path("post");
        assertEquals(finalise.toString(), "[\"union-admin\"]",
                finalise.path("x-union-roles").toString());
        assertTrue(openapi.has("/honours/me"));
        assertTrue(openapi.has("/honours/objections/{id}/answer"));
    }

    /** The notice period passes: its end moved into the past, as the days would have done. */
    private void noticeEnds(long callId) throws Exception {
        ServiceReference<?> reference = services("(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=union))")
                .get(0);
        DataSource dataSource = (DataSource) bundleContext.getService(reference);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE HONOURS_CALL SET NOTICE_UNTIL = ? WHERE ID = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            update.setLong(2, callId);
            assertEquals(1, update.executeUpdate());
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }
}
