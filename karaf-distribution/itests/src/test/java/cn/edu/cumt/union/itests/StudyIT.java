package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The study plugin's flow over HTTP: an organiser sets a session, members check in, the report adds up. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StudyIT extends UnionKarafTestSupport {

    private Rest admin;
    private long unit;
    private long otherUnit;

    @Before
    public void unitsMembersAndAccounts() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus("/api/study/sessions", 401, BOOT_TIMEOUT);
        admin = asAdmin();
        unit = Fixtures.unit(admin, "STA");
        otherUnit = Fixtures.unit(admin, "STB");
        Fixtures.importMembers(admin, "ST0001,陈一,M,1975-01-02,13900000001,st1@cumt.edu.cn,STA,ACTIVE,cadre\n"
                + "ST0002,林二,F,1988-03-04,13900000002,st2@cumt.edu.cn,STA,ACTIVE,female\n"
                + "ST0003,黄三,M,1992-05-06,13900000003,st3@cumt.edu.cn,STA,ACTIVE,\n"
                + "ST0101,郑四,M,1979-07-08,13900000101,st101@cumt.edu.cn,STB,ACTIVE,\n");
    }

    @Test
    public void organiserMembersCheckInAndTheReportAddsUp() {
        Rest organiser = withToken(login(Fixtures.account(admin, "ST0001", unit), Fixtures.PASSWORD));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rest.Reply created = organiser.post("/api/study/sessions", Map.of("title", "学习二十届三中全会精神",
                "topic", "理论学习", "place", "图书馆报告厅", "startsAt", now.minusSeconds(300).toString(),
                "endsAt", now.plusSeconds(3300).toString(), "organiserUnitId", unit, "targetUnitIds", List.of(unit)));
        assertEquals(created.toString(), 201, created.status());
        long session = created.json().path("id").asLong();
        String code = organiser.get("/api/study/sessions/" + session + "/code").json().path("code").asText();
        assertEquals(6, code.length());

        Rest member = withToken(login(Fixtures.account(admin, "ST0002", null), Fixtures.PASSWORD));
        JsonNode mine = member.get("/api/study/sessions/mine").json();
        assertTrue(mine.toString(), mine.toString().contains("学习二十届三中全会精神"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals(400, member.post("/api/study/sessions/" + session + "/check-in", Map.of("code", wrong)).status());
        Rest.Reply checkIn = member.post("/api/study/sessions/" + session + "/check-in", Map.of("code", code));
        assertEquals(checkIn.toString(), 200, checkIn.status());
        Rest.Reply again = member.post("/api/study/sessions/" + session + "/check-in", Map.of("code", code));
        assertEquals("idempotent", checkIn.json().path("checkedInAt").asText(), again.json().path("checkedInAt").asText());

        Rest outsider = withToken(login(Fixtures.account(admin, "ST0101", null), Fixtures.PASSWORD));
        assertEquals("not expected", 404,
                outsider.post("/api/study/sessions/" + session + "/check-in", Map.of("code", code)).status());
        Rest otherAdmin = withToken(login(Fixtures.account(admin, "ST0101", otherUnit), Fixtures.PASSWORD));
        assertEquals("another unit's admin", 404, otherAdmin.get("/api/study/sessions/" + session).status());

        Rest.Reply manual = organiser.put("/api/study/sessions/" + session + "/attendance",
                Map.of("memberIds", List.of(Fixtures.memberId(admin, "ST0003"))));
        assertEquals(manual.toString(), 200, manual.status());

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode report = organiser.get("/api/study/report?from=" + today + "&to=" + today).json();
        JsonNode row = null;
        for (JsonNode candidate : report.path("units")) {
            if (candidate.path("unitId").asLong() == unit) {
                row = candidate;
            }
        }
        assertTrue(report.toString(), row != null);
        assertEquals(report.toString(), 3, row.path("expected").asInt());
        assertEquals(report.toString(), 2, row.path("attended").asInt());
        Rest.Reply xlsx = organiser.get("/api/study/report?from=" + today + "&to=" + today + "&format=xlsx");
        assertEquals(200, xlsx.status());

        JsonNode record = member.get("/api/study/me/record").json();
        assertTrue(record.toString(), record.toString().contains("学习二十届三中全会精神"));
    }
}
