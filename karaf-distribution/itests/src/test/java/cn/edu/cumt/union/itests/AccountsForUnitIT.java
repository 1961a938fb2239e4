package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/**
 * Accounts for a whole unit at once over HTTP (issue 14): a unit administrator opens the accounts of
 * their unit and the units below, never another's; the one-time passwords in the .xlsx open the accounts,
 * which must change them first. Members then keep their own phone and e-mail, and only their own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING) // the second test gives AC0003 an account the first one opens
public class AccountsForUnitIT extends UnionKarafTestSupport {

    /** The core's spreadsheet service reads the answered file; it may still be starting. */
    @Inject
    @Filter(timeout = 120_000)
    private Tables tables;

    private Rest admin;
    private long unitA;
    private long unitA1;
    private long unitB;
    private Rest adminOfA;

    @Before
    public void unitsAndMembers() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        admin = asAdmin();
        unitA = Fixtures.unit(admin, "ACA");
        unitB = Fixtures.unit(admin, "ACB");
        unitA1 = subUnit("ACA1", unitA);
        if (admin.get("/api/members?q=AC0001").json().path("total").asInt() == 0) {
            // AC0003 is in ACA's group ACA1 (a unit's sub-units are its groups)
            String csv = "工号,姓名,手机,单位代码,小组代码,状态\n"
                    + "AC0001,张一,13800000101,ACA,,ACTIVE\n"
                    + "AC0002,张二,,ACA,,ACTIVE\n"
                    + "AC0003,张三,13800000103,ACA,ACA1,ACTIVE\n"
                    + "AC0004,张四,,ACB,,ACTIVE\n"
                    + "AC0005,张五,,ACA,,RETIRED\n";
            Rest.Reply imported = admin.upload("/api/members/import?format=csv&dryRun=false", Fixtures.CSV,
                    csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(imported.toString(), 200, imported.status());
        }
        adminOfA = withToken(login(Fixtures.account(admin, "AC0001", unitA), Fixtures.PASSWORD));
    }

    @Test
    public void aUnitAdminOpensTheirUnitsAccountsAndTheFileOpensThem() throws IOException {
        // another unit, or none, answers like an unknown one; a plain member is refused by role
        assertEquals(404, adminOfA.postDownload("/api/accounts/units/" + unitB + "/members").status());
        assertEquals(404, adminOfA.postDownload("/api/accounts/units/99999999/members").status());
        assertEquals(0, admin.get("/api/accounts?q=AC0004").json().path("total").asInt());
        assertEquals(400, adminOfA.postDownload("/api/accounts/units/" + unitA + "/members?limit=100000").status());

        // asked for the group ACA1: its member only
        Map<String, List<String>> rows = new HashMap<>();
        Rest.Download group = adminOfA.postDownload("/api/accounts/units/" + unitA1 + "/members");
        assertEquals(200, group.status());
        assertEquals("1", group.header("X-Accounts-Created"));
        readInto(group, rows);
        assertEquals(java.util.Set.of("AC0003"), rows.keySet());
        assertEquals("张三", rows.get("AC0003").get(1));
        assertEquals("测试单位ACA", rows.get("AC0003").get(2));

        Rest.Download file = adminOfA.postDownload("/api/accounts/units/" + unitA + "/members");
        assertEquals(new String(file.body(), java.nio.charset.StandardCharsets.UTF_8), 200, file.status());
        assertEquals(TableFormat.XLSX.mediaType(), file.header("Content-Type").split(";")[0]);
        assertTrue(file.header("Cache-Control"), file.header("Cache-Control").contains("no-store"));
        assertTrue(file.header("Content-Disposition"), file.header("Content-Disposition").startsWith("attachment"));
        assertEquals("1", file.header("X-Accounts-Created"));
        assertEquals("0", file.header("X-Accounts-Remaining"));
        rows.clear();
        readInto(file, rows);
        // the admin already had an account, the retired member gets none, the group's member has one now
        assertEquals(rows.keySet().toString(), java.util.Set.of("AC0002"), rows.keySet());

        // a member logs in with the password from the file and must change it before anything else
        Rest.Reply login = rest().post(Rest.LOGIN_PATH, Map.of("username", "AC0002", "password", rows.get("AC0002").get(3)));
        assertEquals(login.toString(), 200, login.status());
        assertTrue(login.json().path("mustChangePassword").asBoolean());
        Rest member = withToken(login.json().path("token").asText());
        Rest.Reply early = member.put("/api/me/contact", Map.of("phone", "13900000002", "email", ""));
        assertEquals(early.toString(), 403, early.status());
        assertEquals("auth.password-change-required", early.json().path("code").asText());
        Rest.Reply changed = member.post("/api/auth/password",
                Map.of("oldPassword", rows.get("AC0002").get(3), "newPassword", "Own-New-Pass-2026"));
        assertTrue(changed.toString(), changed.status() == 200 || changed.status() == 204);
        Rest again = withToken(login("AC0002", "Own-New-Pass-2026"));
        assertEquals(200, again.get("/api/me").status());

        // a second call finds nobody left, and the member's new password still holds
        Rest.Download second = adminOfA.postDownload("/api/accounts/units/" + unitA + "/members");
        assertEquals(200, second.status());
        assertEquals("0", second.header("X-Accounts-Created"));
        assertEquals(1, tables.read(TableFormat.XLSX, new ByteArrayInputStream(second.body())).size());
        assertNotNull(login("AC0002", "Own-New-Pass-2026"));
        // a member is no administrator
        assertEquals(403, again.postDownload("/api/accounts/units/" + unitA + "/members").status());
    }

    @Test
    public void membersKeepTheirOwnContactOnly() {
        Rest member = withToken(login(Fixtures.account(admin, "AC0003", null), Fixtures.PASSWORD));
        Rest.Reply bad = member.put("/api/me/contact", Map.of("phone", "call me", "email", ""));
        assertEquals(bad.toString(), 400, bad.status());
        assertEquals("request.field-invalid", bad.json().path("code").asText());
        Rest.Reply badEmail = member.put("/api/me/contact", Map.of("phone", "", "email", "not-an-email"));
        assertEquals(badEmail.toString(), 400, badEmail.status());
        Rest.Reply half = member.put("/api/me/contact", Map.of("phone", "13900000103"));
        assertEquals(half.toString(), 400, half.status());
        assertEquals("request.field-missing", half.json().path("code").asText());

        Rest.Reply ok = member.put("/api/me/contact", Map.of("phone", "13900000103", "email", "zhang3@cumt.edu.cn"));
        assertEquals(ok.toString(), 200, ok.status());
        JsonNode me = member.get("/api/me").json();
        assertEquals("13900000103", me.path("member").path("phone").asText());
        assertEquals("zhang3@cumt.edu.cn", me.path("member").path("email").asText());
        // the unit administrator's own record did not move
        assertEquals("13800000101", adminOfA.get("/api/me").json().path("member").path("phone").asText());

        // another member's record is out of reach: the member edit is for administrators
        long other = Fixtures.memberId(admin, "AC0001");
        Rest.Reply foreign = member.put("/api/members/" + other, Map.of("phone", "13900000000"));
        assertEquals(foreign.toString(), 403, foreign.status());
        assertEquals("13800000101", admin.get("/api/members/" + other).json().path("phone").asText());

        // the audit names the change, masked
        JsonNode audit = admin.get("/api/audit?action=member.contact").json();
        assertTrue(audit.toString(), audit.toString().contains("139****0103"));
        assertFalse(audit.toString(), audit.toString().contains("13900000103"));

        // an operator without a member record is told so
        Rest.Reply operator = admin.put("/api/me/contact", Map.of("phone", "13900000000", "email", ""));
        assertEquals(operator.toString(), 404, operator.status());
        assertEquals("me.no-member", operator.json().path("code").asText());
    }

    private void readInto(Rest.Download file, Map<String, List<String>> rows) throws IOException {
        List<List<String>> table = tables.read(TableFormat.XLSX, new ByteArrayInputStream(file.body()));
        assertEquals(List.of("工号 Staff no.", "姓名 Name", "单位 Unit", "初始密码 Initial password"), table.get(0));
        table.subList(1, table.size()).forEach(row -> rows.put(row.get(0), row));
    }

    private long subUnit(String code, long parent) {
        for (JsonNode unit : admin.get("/api/units").json()) {
            if (code.equals(unit.path("code").asText())) {
                return unit.path("id").asLong();
            }
        }
        Rest.Reply created = admin.post("/api/units",
                Map.of("code", code, "name", "测试单位" + code, "nameEn", "Test unit " + code, "parentId", parent));
        assertTrue(created.toString(), created.status() == 200 || created.status() == 201);
        return created.json().path("id").asLong();
    }
}
