package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Units, members and accounts made over the REST API, the way an administrator would. */
public final class Fixtures {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String MEMBER_HEADER = "工号,姓名,性别,出生日期,手机,邮箱,单位代码,状态,类别\n";
    public static final String PASSWORD = "Member-Pass-2024";

    private Fixtures() {
    }

    /** The id of the unit with this code, created below the root if missing. */
    public static long unit(Rest admin, String code) {
        JsonNode units = admin.get("/api/units").json();
        for (JsonNode unit : units) {
            if (code.equals(unit.path("code").asText())) {
                return unit.path("id").asLong();
            }
        }
        long root = units.get(0).path("id").asLong();
        Rest.Reply created = admin.post("/api/units",
                Map.of("code", code, "name", "测试单位" + code, "nameEn", "Test unit " + code, "parentId", root));
        assertTrue(created.toString(), created.status() == 200 || created.status() == 201);
        return created.json().path("id").asLong();
    }

    /** Imports member rows (after {@link #MEMBER_HEADER}) for real; fails unless every row is good. */
    public static JsonNode importMembers(Rest admin, String rows) {
        Rest.Reply applied = admin.upload("/api/members/import?format=csv&dryRun=false", CSV,
                (MEMBER_HEADER + rows).getBytes(StandardCharsets.UTF_8));
        assertEquals(applied.toString(), 200, applied.status());
        return applied.json();
    }

    public static long memberId(Rest admin, String staffNo) {
        JsonNode page = admin.get("/api/members?q=" + staffNo).json();
        assertEquals(page.toString(), 1, page.path("total").asInt());
        return page.path("items").get(0).path("id").asLong();
    }

    /**
     * Gives the member an account with {@link #PASSWORD} (creating it once), as unit administrator of
     * {@code adminOf} when that is not null.
     *
     * @return the username to log in with
     */
    public static String account(Rest admin, String staffNo, Long adminOf) {
        Rest.Reply created = admin.post("/api/accounts/members", Map.of("memberId", memberId(admin, staffNo)));
        long accountId = created.status() == 201 || created.status() == 200 ? created.json().path("id").asLong()
                : admin.get("/api/accounts?q=" + staffNo).json().path("items").get(0).path("id").asLong();
        Rest.Reply password = admin.post("/api/accounts/" + accountId + "/password",
                Map.of("password", PASSWORD, "mustChangePassword", false));
        assertEquals(password.toString(), 200, password.status());
        if (adminOf != null) {
            Rest.Reply grant = admin.post("/api/accounts/" + accountId + "/roles",
                    Map.of("role", "unit-admin", "unitId", adminOf));
            assertEquals(grant.toString(), 200, grant.status());
        }
        return staffNo;
    }

    /** Gives the member an account with {@link #PASSWORD}, granted union-admin (校工会管理员); returns the username. */
    static String unionAdmin(Rest admin, String staffNo) {
        String username = account(admin, staffNo, null);
        long accountId = admin.get("/api/accounts?q=" + staffNo).json().path("items").get(0).path("id").asLong();
        Rest.Reply grant = admin.post("/api/accounts/" + accountId + "/roles", Map.of("role", "union-admin"));
        assertEquals(grant.toString(), 200, grant.status());
        return username;
    }
}
