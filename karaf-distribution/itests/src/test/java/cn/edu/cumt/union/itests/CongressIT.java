package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The congress plugin over HTTP with real accounts: a union administrator opens a session and names
 * delegates, a delegate drafts a proposal with a file, two delegates second it, the delegation head
 * checks it, a committee member accepts it for a lead department, that department's administrator
 * answers, the proposer rates it 不满意 once and the department answers again, the raters close it; the
 * statistics and the unit evaluation come out as xlsx. And the attempts to get in: a non-delegate
 * seconds, a delegate submits before the threshold, another unit's administrator answers, a plain member
 * reads a draft.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CongressIT extends UnionKarafTestSupport {

    /** This plugin is under test here; the other work-point plugins stay out of the boot. */
    @Override
    protected java.util.Set<String> pluginsNotUnderTest() {
        return java.util.Set.of("union-welfare", "union-honours");
    }

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Rest admin;
    private long delegation;
    private long department;
    private long otherUnit;
    private long root;

    @Before
    public void unitsMembersAndAccounts() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus("/api/congress/evaluations/2026", 401, BOOT_TIMEOUT);
        awaitStatus("/api/congress/proposals", 401, BOOT_TIMEOUT);
        admin = asAdmin();
        delegation = Fixtures.unit(admin, "CGA");
        department = Fixtures.unit(admin, "CGJ");
        otherUnit = Fixtures.unit(admin, "CGB");
        root = admin.get("/api/units").json().get(0).path("id").asLong();
        Fixtures.importMembers(admin, "CG0001,张提案,M,1976-01-02,13700000001,cg1@cumt.edu.cn,CGA,ACTIVE,\n"
                + "CG0002,李附议,F,1980-03-04,13700000002,cg2@cumt.edu.cn,CGA,ACTIVE,\n"
                + "CG0003,王附议,M,1982-05-06,13700000003,cg3@cumt.edu.cn,CGA,ACTIVE,\n"
                + "CG0004,赵团长,F,1970-07-08,13700000004,cg4@cumt.edu.cn,CGA,ACTIVE,\n"
                + "CG0005,钱委员,M,1968-09-10,13700000005,cg5@cumt.edu.cn,CGB,ACTIVE,\n"
                + "CG0006,孙会员,F,1990-11-12,13700000006,cg6@cumt.edu.cn,CGA,ACTIVE,\n"
                + "CG0007,周处长,M,1975-01-13,13700000007,cg7@cumt.edu.cn,CGJ,ACTIVE,\n"
                + "CG0008,吴主席,F,1972-02-14,13700000008,cg8@cumt.edu.cn,CGB,ACTIVE,\n"
                + "CG0009,郑校工会,M,1971-03-15,13700000009,cg9@cumt.edu.cn,CGB,ACTIVE,\n");
    }

    @Test
    public void aProposalFromDraftToRatedAnswerAndTheWaysInThatAreRefused() {
        Rest proposer = withToken(login(Fixtures.account(admin, "CG0001", null), Fixtures.PASSWORD));
        Rest seconder1 = withToken(login(Fixtures.account(admin, "CG0002", null), Fixtures.PASSWORD));
        Rest seconder2 = withToken(login(Fixtures.account(admin, "CG0003", null), Fixtures.PASSWORD));
        Rest head = withToken(login(Fixtures.account(admin, "CG0004", null), Fixtures.PASSWORD));
        Rest committee = withToken(login(Fixtures.account(admin, "CG0005", null), Fixtures.PASSWORD));
        Rest plain = withToken(login(Fixtures.account(admin, "CG0006", null), Fixtures.PASSWORD));
        Rest leadAdmin = withToken(login(Fixtures.account(admin, "CG0007", department), Fixtures.PASSWORD));
        Rest otherAdmin = withToken(login(Fixtures.account(admin, "CG0008", otherUnit), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "CG0009"), Fixtures.PASSWORD));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long proposerId = Fixtures.memberId(admin, "CG0001");
        long s1 = Fixtures.memberId(admin, "CG0002");
        long s2 = Fixtures.memberId(admin, "CG0003");
        long headId = Fixtures.memberId(admin, "CG0004");
        long committeeId = Fixtures.memberId(admin, "CG0005");
        long plainId = Fixtures.memberId(admin, "CG0006");

        // Duties: the head of the CGA delegation, a committee member for the whole university.
        assertEquals(201, union.post("/api/duties", Map.of("code", "delegation-head", "label", "代表团团长",
                "memberId", headId, "unitId", delegation, "from", today.minusDays(1).toString())).status());
        assertEquals(201, union.post("/api/duties", Map.of("code", "proposal-committee", "label", "提案工作委员会委员",
                "memberId", committeeId, "unitId", root, "from", today.minusDays(1).toString())).status());

        // The union opens a session and names the delegates; nobody else may.
        Map<String, Object> sessionBody = Map.of("title", "第九届教代会暨第十五届工代会第五次会议", "year", today.getYear(),
                "startsOn", today.toString(), "endsOn", today.plusDays(2).toString());
        assertEquals(403, leadAdmin.post("/api/congress/meetings", sessionBody).status());
        Rest.Reply opened = union.post("/api/congress/meetings", sessionBody);
        assertEquals(opened.toString(), 201, opened.status());
        long session = opened.json().path("id").asLong();
        Rest.Reply named = union.post("/api/congress/meetings/" + session + "/delegates",
                Map.of("memberIds", List.of(proposerId, s1, s2, headId, committeeId)));
        assertEquals(named.toString(), 200, named.status());
        assertEquals(5, named.json().size());
        assertEquals(403, leadAdmin.post("/api/congress/meetings/" + session + "/delegates",
                Map.of("memberIds", List.of(plainId))).status());

        // A plain member (not a delegate) cannot draft.
        Map<String, Object> draftBody = Map.of("sessionId", session, "title", "关于加强青年教师职业发展支持的提案",
                "reason", "青年教师教学科研压力大，成长通道有待完善", "measures", "设立青年教师发展基金，完善导师制度");
        Rest.Reply notDelegate = plain.post("/api/congress/proposals", draftBody);
        assertEquals(notDelegate.toString(), 403, notDelegate.status());
        assertEquals("congress.not-delegate", notDelegate.json().path("code").asText());

        Rest.Reply drafted = proposer.post("/api/congress/proposals", draftBody);
        assertEquals(drafted.toString(), 201, drafted.status());
        long id = drafted.json().path("proposal").path("id").asLong();
        String proposal = "/api/congress/proposals/" + id;
        assertEquals("DRAFT", drafted.json().path("proposal").path("status").asText());
        assertEquals(2, drafted.json().path("secondsRequired").asInt());

        // The proposer attaches a file; a plain member neither reads the draft nor its files.
        Rest.Reply file = proposer.upload("/api/attachments/congress/proposal/" + id + "?name=调研报告.pdf",
                "application/octet-stream", PDF);
        assertEquals(file.toString(), 201, file.status());
        assertEquals("a plain member reads a draft", 404, plain.get(proposal).status());
        assertEquals(404, plain.get("/api/attachments/congress/proposal/" + id).status());
        assertEquals("the head, before submission", 404, head.get(proposal).status());
        assertEquals(404, otherAdmin.get(proposal).status());

        // Submitting before the threshold is refused; a non-delegate cannot second.
        Rest.Reply early = proposer.post(proposal + "/submit", null);
        assertEquals(early.toString(), 409, early.status());
        assertEquals("congress.proposal.seconds-needed", early.json().path("code").asText());
        Rest.Reply inviteOutsider = proposer.post(proposal + "/seconders", Map.of("memberIds", List.of(plainId)));
        assertEquals(inviteOutsider.toString(), 400, inviteOutsider.status());
        Rest.Reply outsiderSeconds = plain.post(proposal + "/second", null);
        assertEquals("a non-delegate seconds: " + outsiderSeconds, 404, outsiderSeconds.status());
        Rest.Reply invited = proposer.post(proposal + "/seconders", Map.of("memberIds", List.of(s1, s2)));
        assertEquals(invited.toString(), 200, invited.status());
        assertNotNull("the invitation waits on the seconder", find(tasks(seconder1), proposal));
        assertEquals(200, seconder1.post(proposal + "/second", null).status());
        assertEquals(409, proposer.post(proposal + "/submit", null).status());
        assertEquals(200, seconder2.post(proposal + "/second", null).status());
        Rest.Reply submitted = proposer.post(proposal + "/submit", null);
        assertEquals(submitted.toString(), "SUBMITTED", submitted.json().path("proposal").path("status").asText());

        // The head checks it (the committee may not yet), then the committee member decides.
        JsonNode headTask = find(tasks(head), proposal);
        assertNotNull("the check waits on the head", headTask);
        assertEquals("代表团团长审核", headTask.path("stage").asText());
        assertEquals(403, seconder1.post(proposal + "/head-check", Map.of("decision", "APPROVE")).status());
        Rest.Reply checked = head.post(proposal + "/head-check", Map.of("decision", "APPROVE"));
        assertEquals(checked.toString(), "IN_COMMITTEE", checked.json().path("proposal").path("status").asText());
        assertNotNull(find(tasks(committee), proposal));
        assertEquals(403, head.post(proposal + "/decision", Map.of("outcome", "OPINION")).status());
        Rest.Reply badDue = committee.post(proposal + "/decision", Map.of("outcome", "ACCEPT", "leadUnitId", department,
                "dueOn", "not-a-date"));
        assertEquals(badDue.toString(), 400, badDue.status());
        Rest.Reply accepted = committee.post(proposal + "/decision", Map.of("outcome", "ACCEPT", "leadUnitId", department,
                "coUnitIds", List.of(otherUnit), "dueOn", today.plusDays(30).toString()));
        assertEquals(accepted.toString(), "ACCEPTED", accepted.json().path("proposal").path("status").asText());

        // Public now: every member reads it; the department answers, another unit's admin may not.
        assertEquals(200, plain.get(proposal).status());
        assertTrue(ids(plain.get("/api/congress/proposals?sessionId=" + session).json()).contains(id));
        assertNotNull("the answer waits on the lead department", find(tasks(leadAdmin), proposal));
        Rest.Reply foreign = otherAdmin.post(proposal + "/answer", Map.of("text", "代为答复"));
        assertEquals("another department answers: " + foreign, 403, foreign.status());
        assertEquals("congress.not-lead-department", foreign.json().path("code").asText());
        assertEquals(201, leadAdmin.upload("/api/attachments/congress/answer/" + id + "?name=答复函.pdf",
                "application/octet-stream", PDF).status());
        assertEquals(403, otherAdmin.upload("/api/attachments/congress/answer/" + id + "?name=x.pdf",
                "application/octet-stream", PDF).status());
        Rest.Reply answered = leadAdmin.post(proposal + "/answer", Map.of("text", "学校已设立青年教师发展专项，明年起实施"));
        assertEquals(answered.toString(), "ANSWERED", answered.json().path("proposal").path("status").asText());
        assertEquals(1, answered.json().path("answerFiles").size());

        // 不满意 sends it back once; the second answer is rated and closes it.
        assertNotNull(find(tasks(proposer), proposal));
        assertEquals(403, plain.post(proposal + "/rating", Map.of("rating", "SATISFIED")).status());
        assertEquals(400, proposer.post(proposal + "/rating", Map.of("rating", "GREAT")).status());
        Rest.Reply unhappy = proposer.post(proposal + "/rating", Map.of("rating", "UNSATISFIED", "comment", "未明确经费来源"));
        assertEquals(unhappy.toString(), "ACCEPTED", unhappy.json().path("proposal").path("status").asText());
        assertEquals(200, leadAdmin.post(proposal + "/answer", Map.of("text", "专项经费每年 50 万元，由学校列支")).status());
        assertEquals(200, proposer.post(proposal + "/rating", Map.of("rating", "UNSATISFIED")).status());
        assertEquals(200, seconder1.post(proposal + "/rating", Map.of("rating", "SATISFIED")).status());
        Rest.Reply closed = seconder2.post(proposal + "/rating", Map.of("rating", "BASICALLY_SATISFIED"));
        assertEquals(closed.toString(), "CLOSED", closed.json().path("proposal").path("status").asText());
        assertEquals(2, closed.json().path("answerRound").asInt());
        assertTrue("the proposer was told", proposer.get("/api/me/notifications").json().path("total").asInt() >= 3);

        // Statistics and the export.
        JsonNode stats = union.get("/api/congress/meetings/" + session + "/statistics").json();
        assertEquals(stats.toString(), 1, stats.path("accepted").asInt());
        assertEquals(1.0, stats.path("answerRate").asDouble(), 1e-9);
        assertEquals(0.667, stats.path("satisfactionRate").asDouble(), 1e-9);
        Rest.Download xlsx = union.download("/api/congress/meetings/" + session + "/statistics?format=xlsx");
        assertEquals(200, xlsx.status());
        assertEquals(XLSX, xlsx.header("Content-Type"));
        assertEquals(403, plain.get("/api/congress/meetings/" + session + "/statistics").status());
        assertEquals(403, plain.get("/api/congress/proposals/overdue").status());
        assertEquals(200, committee.get("/api/congress/proposals/overdue").status());

        JsonNode plugin = plain.get("/api/plugins/congress").json();
        assertEquals(plugin.toString(), "教代会", plugin.path("name").asText());
        assertEquals(4, plugin.path("workPoint").asInt());
    }

    @Test
    public void theUnitCongressEvaluationIsScoredRankedAndExported() {
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "CG0009"), Fixtures.PASSWORD));
        Rest leadAdmin = withToken(login(Fixtures.account(admin, "CG0007", department), Fixtures.PASSWORD));
        int year = 2030;
        String sheetPath = "/api/congress/evaluations/" + year + "/sheet";
        Map<String, Object> sheetBody = Map.of("title", "二级教职工（代表）大会考评表", "criteria", List.of(
                Map.of("name", "组织建设", "weight", 40, "maxScore", 10),
                Map.of("name", "民主管理", "weight", 60, "maxScore", 20)));
        assertEquals(403, leadAdmin.put(sheetPath, sheetBody).status());
        Rest.Reply sheet = union.put(sheetPath, sheetBody);
        assertEquals(sheet.toString(), 200, sheet.status());
        long c1 = sheet.json().path("criteria").get(0).path("id").asLong();
        long c2 = sheet.json().path("criteria").get(1).path("id").asLong();
        Rest.Reply scored = union.put("/api/congress/evaluations/" + year + "/units/" + department,
                Map.of("scores", List.of(Map.of("criterionId", c1, "score", 8), Map.of("criterionId", c2, "score", 15))));
        assertEquals(scored.toString(), 77.0, scored.json().path("total").asDouble(), 1e-9);
        Rest.Reply tooHigh = union.put("/api/congress/evaluations/" + year + "/units/" + otherUnit,
                Map.of("scores", List.of(Map.of("criterionId", c1, "score", 11))));
        assertEquals(tooHigh.toString(), 400, tooHigh.status());
        union.put("/api/congress/evaluations/" + year + "/units/" + otherUnit,
                Map.of("scores", List.of(Map.of("criterionId", c1, "score", 10), Map.of("criterionId", c2, "score", 20))));
        assertEquals(201, leadAdmin.upload("/api/attachments/congress/evaluation/" + year + "-" + department
                + "?name=会议纪要.pdf", "application/octet-stream", PDF).status());
        assertEquals("another unit's evidence is out of scope", 404, leadAdmin.upload("/api/attachments/congress/evaluation/" + year + "-" + otherUnit
                + "?name=x.pdf", "application/octet-stream", PDF).status());

        JsonNode all = union.get("/api/congress/evaluations/" + year).json();
        assertEquals(all.toString(), otherUnit, all.path("rows").get(0).path("unitId").asLong());
        assertEquals(1, all.path("rows").get(0).path("rank").asInt());
        JsonNode mine = leadAdmin.get("/api/congress/evaluations/" + year).json();
        assertEquals(mine.toString(), 1, mine.path("rows").size());
        assertEquals(2, mine.path("rows").get(0).path("rank").asInt());
        Rest.Download xlsx = union.download("/api/congress/evaluations/" + year + "?format=xlsx");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.header("Content-Disposition"), xlsx.header("Content-Disposition")
                .contains("congress-evaluation-" + year + ".xlsx"));
        assertEquals(400, union.get("/api/congress/evaluations/1999").status());
        assertEquals(409, union.put(sheetPath, sheetBody).status());
        assertFalse(union.get("/api/congress/evaluations/" + (year + 1)).status() == 200);
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

    private static List<Long> ids(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                .map(n -> n.path("id").asLong()).toList();
    }
}
