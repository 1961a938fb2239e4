package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * The yearly scorecard through the shipped plugins: study and brand publish their figures, the union
 * administrator designs the year, unit administrators see their own row only, the year is published,
 * and after the brand plugin is uninstalled the published year still shows brand's figures.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ScorecardIT extends UnionKarafTestSupport {

    // The scorecard of study's and brand's figures: congress, welfare and honours boot only in their own ITs
    // (UnionKarafTestSupport.pluginsNotUnderTest), which check their figures.

    private static final String SCORECARD = "/api/scorecard";

    @Inject
    private FeaturesService features;

    private Rest admin;
    private long unitA;
    private long unitB;

    @Before
    public void unitsMembersAndAccounts() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus("/api/study/sessions", 401, BOOT_TIMEOUT);
        awaitStatus("/api/brand/projects", 401, BOOT_TIMEOUT);
        awaitStatus(SCORECARD + "/indicators", 401, BOOT_TIMEOUT);
        admin = asAdmin();
        unitA = Fixtures.unit(admin, "SCA");
        unitB = Fixtures.unit(admin, "SCB");
        Fixtures.importMembers(admin, "SC0001,周一,M,1976-01-02,13700000001,sc1@cumt.edu.cn,SCA,ACTIVE,\n"
                + "SC0002,吴二,F,1989-03-04,13700000002,sc2@cumt.edu.cn,SCA,ACTIVE,\n"
                + "SC0101,郑三,M,1980-05-06,13700000101,sc101@cumt.edu.cn,SCB,ACTIVE,\n"
                + "SC0900,王九,F,1970-07-08,13700000900,sc900@cumt.edu.cn,SCB,ACTIVE,\n");
    }

    @Test
    public void designScoreScopePublishAndKeepAfterThePluginGoes() throws Exception {
        Rest adminA = withToken(login(Fixtures.account(admin, "SC0001", unitA), Fixtures.PASSWORD));
        Rest adminB = withToken(login(Fixtures.account(admin, "SC0101", unitB), Fixtures.PASSWORD));
        Rest member = withToken(login(Fixtures.account(admin, "SC0002", null), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "SC0900"), Fixtures.PASSWORD));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.getYear();

        // Study: unit A holds a session (it has started), one of its two members checks in: 1 session, 50 %.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rest.Reply session = adminA.post("/api/study/sessions", Map.of("title", "学习考核办法", "topic", "理论学习", "place", "会议室", "startsAt",
                now.minusSeconds(120).toString(), "endsAt", now.plusSeconds(3600).toString(), "organiserUnitId", unitA,
                "targetUnitIds", List.of(unitA)));
        assertEquals(session.toString(), 201, session.status());
        long sessionId = session.json().path("id").asLong();
        String code = adminA.get("/api/study/sessions/" + sessionId + "/code").json().path("code").asText();
        assertEquals(200, member.post("/api/study/sessions/" + sessionId + "/check-in", Map.of("code", code)).status());

        // Brand: unit B's project is approved, started and evaluated GOOD (良好, grade 3).
        Rest.Reply applied = adminB.post("/api/brand/projects", Map.of("unitId", unitB, "year", year, "name", "健康工会",
                "aims", "全员健身", "plan", "健步走、工间操", "budgetAsked", 5000));
        assertEquals(applied.toString(), 201, applied.status());
        String project = "/api/brand/projects/" + applied.json().path("project").path("id").asLong();
        assertEquals(200, union.post(project + "/review", Map.of("decision", "APPROVE", "fundingGranted", 4000)).status());
        assertEquals(201, adminB.post(project + "/milestones", Map.of("title", "启动", "dueDate", today.toString())).status());
        Rest.Reply evaluated = union.put(project + "/evaluation", Map.of("distinctiveness", 80, "participation", 80,
                "results", 80, "sustainability", 80));
        assertEquals(evaluated.toString(), "GOOD", evaluated.json().path("evaluation").path("grade").asText());

        // Both plugins' indicators are there to choose from.
        JsonNode indicators = union.get(SCORECARD + "/indicators").json();
        // in the order the plugins' sources registered, which depends on the boot
        assertEquals(indicators.toString(), java.util.Set.of("study.sessions", "study.attendance-rate", "brand.grade",
                "brand.stage"), java.util.Set.copyOf(codes(indicators.path("indicators"))));

        // Design: only the union admin, and only a valid one.
        String design = SCORECARD + "/" + year + "/design";
        Map<String, Object> good = Map.of("indicators", List.of(
                Map.of("code", "study.sessions", "weight", 40, "target", 2),
                Map.of("code", "study.attendance-rate", "weight", 30, "target", 100),
                Map.of("code", "brand.grade", "weight", 30, "target", 4)));
        assertEquals(403, adminA.put(design, good).status());
        assertEquals(403, member.put(design, good).status());
        assertEquals(401, put(design, good).status());
        Rest.Reply zero = union.put(design, Map.of("indicators", List.of(Map.of("code", "study.sessions", "weight", 40, "target", 0))));
        assertEquals(zero.toString(), 400, zero.status());
        assertTrue(zero.body(), zero.body().contains("indicators[0].target"));
        Rest.Reply unknown = union.put(design, Map.of("indicators", List.of(Map.of("code", "congress.x", "weight", 1, "target", 1))));
        assertEquals(unknown.toString(), 400, unknown.status());
        assertTrue(unknown.body(), unknown.body().contains("indicators[0].code"));
        assertEquals(400, union.put(SCORECARD + "/1999/design", good).status());
        assertEquals(404, union.get(design).status());
        Rest.Reply saved = union.put(design, good);
        assertEquals(saved.toString(), 200, saved.status());
        assertEquals(3, union.get(design).json().path("indicators").size());

        // The live scorecard: A 20 + 15 + 0 = 35, B 0 + 0 + 22.5; a unit admin sees their row only.
        JsonNode card = union.get(SCORECARD + "?year=" + year).json();
        assertFalse(card.toString(), card.path("published").asBoolean());
        assertTrue(card.toString(), card.path("missing").isEmpty());
        assertTrue("scores go out with 2 decimals: " + card, union.get(SCORECARD + "?year=" + year).body().contains("\"score\":35.00"));
        JsonNode rowA = row(card, unitA);
        JsonNode rowB = row(card, unitB);
        assertEquals(card.toString(), 35.0, rowA.path("score").asDouble(), 0.001);
        assertEquals(card.toString(), 22.5, rowB.path("score").asDouble(), 0.001);
        assertEquals(card.toString(), 50.0, rowA.path("cells").get(1).path("value").asDouble(), 0.001);
        assertEquals(card.toString(), 3, rowB.path("cells").get(2).path("value").asInt());
        assertTrue(rowA.path("rank").asInt() < rowB.path("rank").asInt());
        JsonNode mine = adminA.get(SCORECARD + "?year=" + year).json();
        assertEquals(mine.toString(), 1, mine.path("rows").size());
        assertEquals(unitA, mine.path("rows").get(0).path("unitId").asLong());
        assertEquals(rowA.path("rank").asInt(), mine.path("rows").get(0).path("rank").asInt());
        assertEquals(card.path("units").asInt(), mine.path("units").asInt());
        Rest.Reply csvA = adminA.get(SCORECARD + "?year=" + year + "&format=csv");
        assertEquals(200, csvA.status());
        assertTrue(csvA.body(), csvA.body().contains("测试单位SCA"));
        assertFalse("another unit's row: " + csvA.body(), csvA.body().contains("测试单位SCB"));
        assertEquals(403, member.get(SCORECARD + "?year=" + year).status());
        assertEquals(403, member.get(SCORECARD + "/indicators").status());
        Rest.Reply xlsx = union.get(SCORECARD + "?year=" + year + "&format=xlsx");
        assertEquals(200, xlsx.status());
        assertTrue("an .xlsx is a zip", xlsx.body().startsWith("PK"));
        assertEquals(400, union.get(SCORECARD + "?year=" + year + "&format=pdf").status());
        assertEquals(400, union.get(SCORECARD).status());

        // Publish: only the union admin; then the design is final.
        assertEquals(403, adminA.post(SCORECARD + "/" + year + "/publish", null).status());
        Rest.Reply published = union.post(SCORECARD + "/" + year + "/publish", null);
        assertEquals(published.toString(), 200, published.status());
        assertTrue(published.json().path("published").asBoolean());
        assertEquals(409, union.put(design, good).status());
        assertEquals(409, union.post(SCORECARD + "/" + year + "/publish", null).status());

        // Brand goes: its indicators leave the choice, the published year keeps its figures.
        features.uninstallFeature("union-brand", EnumSet.noneOf(FeaturesService.Option.class));
        await("brand gone", Duration.ofSeconds(90), () -> get("/api/brand/projects").status() == 404);
        await("brand's indicators gone", Duration.ofSeconds(30), () -> !codes(union.get(SCORECARD + "/indicators").json()
                .path("indicators")).contains("brand.grade"));
        JsonNode kept = union.get(SCORECARD + "?year=" + year).json();
        assertTrue(kept.toString(), kept.path("published").asBoolean());
        assertEquals(kept.toString(), 22.5, row(kept, unitB).path("score").asDouble(), 0.001);
        assertEquals(kept.toString(), 3, row(kept, unitB).path("cells").get(2).path("value").asInt());
        assertEquals(kept.toString(), "brand.grade", kept.path("indicators").get(2).path("code").asText());
        assertEquals(1, adminB.get(SCORECARD + "?year=" + year).json().path("rows").size());

        JsonNode audit = admin.get("/api/audit?action=scorecard.&limit=100").json();
        assertEquals(audit.toString(), 2, audit.path("total").asInt());
    }

    private Rest.Reply put(String path, Object body) {
        return rest().put(path, body);
    }

    private static JsonNode row(JsonNode card, long unitId) {
        for (JsonNode row : card.path("rows")) {
            if (row.path("unitId").asLong() == unitId) {
                return row;
            }
        }
        throw new AssertionError("no row for unit " + unitId + ": " + card);
    }

    private static List<String> codes(JsonNode indicators) {
        List<String> codes = new ArrayList<>();
        indicators.forEach(i -> codes.add(i.path("code").asText()));
        assertNotNull(codes);
        return codes;
    }
}
