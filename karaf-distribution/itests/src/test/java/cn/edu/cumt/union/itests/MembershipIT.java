package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/**
 * Membership as its users meet it over HTTP: import with bad rows (CSV and xlsx), accounts, a
 * member's own profile, and unit administrators who never see another unit's members.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MembershipIT extends UnionKarafTestSupport {

    private static final String CSV = Fixtures.CSV;
    private static final String XLSX = TableFormat.XLSX.mediaType();
    private static final String HEADER = Fixtures.MEMBER_HEADER;
    private static final String PASSWORD = Fixtures.PASSWORD;

    /** The core's own spreadsheet service writes the xlsx under test; it may still be starting. */
    @Inject
    @Filter(timeout = 120_000)
    private Tables tables;

    private Rest admin;

    @Before
    public void unitsAndMembers() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        admin = asAdmin();
        Fixtures.unit(admin, "ITA");
        Fixtures.unit(admin, "ITB");
        Fixtures.importMembers(admin, "IT0001,张三,M,1980-01-02,13800000001,it1@cumt.edu.cn,ITA,ACTIVE,cadre\n"
                + "IT0002,李四,F,1985-03-04,13800000002,it2@cumt.edu.cn,ITA,ACTIVE,female\n"
                + "IT0003,王五,M,1990-05-06,13800000003,it3@cumt.edu.cn,ITB,ACTIVE,\n");
    }

    @Test
    public void dryRunReportsEveryBadRowAndApplyingABadFileWritesNothing() {
        String bad = HEADER + "IT0101,赵六,M,1980-01-02,13800000011,it11@cumt.edu.cn,ITA,ACTIVE,\n"
                + "IT0102,,F,1985-13-40,not-a-phone,it12@cumt.edu.cn,NOPE,ACTIVE,\n"
                + "IT0101,钱七,X,1985-01-01,13800000013,it13@cumt.edu.cn,ITA,ACTIVE,\n";
        Rest.Reply dryRun = admin.upload("/api/members/import?format=csv&dryRun=true", CSV, utf8(bad));
        assertEquals(dryRun.toString(), 200, dryRun.status());
        JsonNode report = dryRun.json();
        assertEquals(3, report.path("rows").asInt());
        assertEquals(1, report.path("valid").asInt());
        List<Integer> lines = new ArrayList<>();
        for (JsonNode error : report.path("errors")) {
            lines.add(error.path("line").asInt());
            assertFalse(error.toString(), error.path("column").asText().isBlank());
            assertFalse(error.toString(), error.path("reason").asText().isBlank());
        }
        assertTrue(lines.toString(), lines.contains(3) && lines.contains(4) && !lines.contains(2));

        Rest.Reply apply = admin.upload("/api/members/import?format=csv&dryRun=false", CSV, utf8(bad));
        assertEquals(apply.toString(), 400, apply.status());
        assertEquals("all or nothing", 0, admin.get("/api/members?q=IT0101").json().path("total").asInt());
    }

    @Test
    public void reimportingUpdatesAndNeverDuplicates() {
        String again = HEADER + "IT0001,张三丰,M,1980-01-02,13800000001,it1@cumt.edu.cn,ITA,ACTIVE,cadre\n";
        Rest.Reply report = admin.upload("/api/members/import?format=csv&dryRun=false", CSV, utf8(again));
        assertEquals(report.toString(), 200, report.status());
        assertEquals(1, report.json().path("toUpdate").asInt());
        JsonNode found = admin.get("/api/members?q=IT0001").json();
        assertEquals(found.toString(), 1, found.path("total").asInt());
        assertEquals("张三丰", found.path("items").get(0).path("name").asText());
    }

    @Test
    public void xlsxImportReportsBadRowsWithLineAndColumn() throws Exception {
        List<String> header = List.of("工号", "姓名", "性别", "出生日期", "单位代码", "状态");
        List<List<String>> rows = List.of(List.of("IT0201", "孙八", "M", "1981-02-03", "ITB", "ACTIVE"),
                List.of("IT0202", "周九", "M", "yesterday", "ITB", "ACTIVE"));
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        tables.write(TableFormat.XLSX, "members", header, rows, xlsx);
        Rest.Reply dryRun = admin.upload("/api/members/import?format=xlsx&dryRun=true", XLSX, xlsx.toByteArray());
        assertEquals(dryRun.toString(), 200, dryRun.status());
        JsonNode errors = dryRun.json().path("errors");
        assertEquals(errors.toString(), 1, errors.size());
        assertEquals(3, errors.get(0).path("line").asInt());
        assertEquals("出生日期", errors.get(0).path("column").asText());
        Rest.Reply apply = admin.upload("/api/members/import?format=xlsx&dryRun=false", XLSX, xlsx.toByteArray());
        assertEquals(apply.toString(), 400, apply.status());
    }

    @Test
    public void aMemberSeesTheirOwnProfileOnly() {
        long mine = memberId("IT0002");
        long other = memberId("IT0001");
        Rest member = withToken(login(account("IT0002", null), PASSWORD));
        JsonNode me = member.get("/api/me").json();
        assertEquals("IT0002", me.path("member").path("staffNo").asText());
        assertEquals(200, member.get("/api/members/" + mine).status());
        assertEquals(404, member.get("/api/members/" + other).status());
        assertEquals(403, member.get("/api/members").status());

        Rest.Reply logout = member.post("/api/auth/logout", Map.of());
        assertEquals(logout.toString(), 200, logout.status());
        assertEquals("the token is dead after logout", 401, member.get("/api/me").status());
    }

    @Test
    public void aUnitAdministratorOfANeverReachesB() {
        long unitA = unitId("ITA");
        long memberOfB = memberId("IT0003");
        Rest unitAdmin = withToken(login(account("IT0001", unitA), PASSWORD));

        JsonNode list = unitAdmin.get("/api/members?limit=500").json();
        assertTrue(list.toString(), list.path("total").asInt() >= 2);
        for (JsonNode member : list.path("items")) {
            assertEquals(member.toString(), unitA, member.path("unitId").asLong());
        }
        assertEquals("by id", 404, unitAdmin.get("/api/members/" + memberOfB).status());
        assertEquals("filtering by B gives nothing of B", 0,
                countOf(unitAdmin.get("/api/members?unitId=" + unitId("ITB"))));
        Rest.Reply change = unitAdmin.put("/api/members/" + memberOfB, Map.of("staffNo", "IT0003", "name", "改名",
                "unitId", unitId("ITB"), "status", "ACTIVE"));
        assertEquals(change.toString(), 404, change.status());
        String export = unitAdmin.get("/api/members/export?format=csv").body();
        assertTrue(export, export.contains("IT0001") && !export.contains("IT0003"));
        String foreignRow = HEADER + "IT0301,吴十,M,1980-01-02,13800000031,it31@cumt.edu.cn,ITB,ACTIVE,\n";
        Rest.Reply foreignImport = unitAdmin.upload("/api/members/import?format=csv&dryRun=true", CSV, utf8(foreignRow));
        assertEquals(1, foreignImport.json().path("errors").size());
    }

    private static int countOf(Rest.Reply reply) {
        return reply.status() == 200 ? reply.json().path("total").asInt() : 0;
    }

    private String account(String staffNo, Long adminOf) {
        return Fixtures.account(admin, staffNo, adminOf);
    }

    private long memberId(String staffNo) {
        return Fixtures.memberId(admin, staffNo);
    }

    private long unitId(String code) {
        return Fixtures.unit(admin, code);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
