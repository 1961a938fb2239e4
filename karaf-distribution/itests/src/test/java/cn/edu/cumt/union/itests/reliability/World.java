package cn.edu.cumt.union.itests.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.itests.Fixtures;
import cn.edu.cumt.union.itests.KarafSetup;
import cn.edu.cumt.union.itests.Rest;

/**
 * The records and accounts the API checks run against, made over REST as the first operator: units
 * A (with a group A1 below it) and B, a plain member of A, a unit administrator of A, one of B, a
 * union administrator, the operator, a victim member of A whose records the requests aim at, and a
 * spare member account for the login endpoints (it may end up locked).
 */
final class World {

    static final String ANONYMOUS = "anonymous";
    static final String MEMBER = "member of A";
    static final String UNIT_ADMIN_A = "unit admin of A";
    static final String UNIT_ADMIN_B = "unit admin of B";
    static final String UNION_ADMIN = "union admin";
    static final String OPERATOR = "operator";
    static final List<String> ACTORS = List.of(ANONYMOUS, MEMBER, UNIT_ADMIN_A, UNIT_ADMIN_B, UNION_ADMIN, OPERATOR);
    /** Used for ids that name nothing. */
    static final long UNKNOWN_ID = 987_654_321L;

    private final Rest anonymous;
    private final Map<String, String> usernames = new LinkedHashMap<>();
    private final Map<String, Rest> clients = new LinkedHashMap<>();
    private final Map<String, List<String>> roles = new LinkedHashMap<>();
    final Rest operator;
    final long unitA;
    final long groupA1;
    final long unitB;
    final long victimMember;
    final long victimAccount;
    final long session;
    final String spare;

    World(Rest anonymous) {
        this.anonymous = anonymous;
        operator = anonymous.withToken(anonymous.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        unitA = Fixtures.unit(operator, "RLA");
        unitB = Fixtures.unit(operator, "RLB");
        Rest.Reply group = operator.post("/api/units", Map.of("code", "RLA1", "name", "可靠性小组", "nameEn", "Reliability group",
                "parentId", unitA));
        groupA1 = group.status() / 100 == 2 ? group.json().path("id").asLong() : Fixtures.unit(operator, "RLA1");
        Fixtures.importMembers(operator, "RL0001,成员甲,M,1980-01-02,13700000001,rl1@cumt.edu.cn,RLA,ACTIVE,\n"
                + "RL0002,管理乙,F,1981-01-02,13700000002,rl2@cumt.edu.cn,RLA,ACTIVE,\n"
                + "RL0003,管理丙,M,1982-01-02,13700000003,rl3@cumt.edu.cn,RLB,ACTIVE,\n"
                + "RL0004,校管丁,F,1983-01-02,13700000004,rl4@cumt.edu.cn,RLB,ACTIVE,\n"
                + "RL0005,受试戊,M,1984-01-02,13700000005,rl5@cumt.edu.cn,RLA,ACTIVE,\n"
                + "RL0006,备用己,F,1985-01-02,13700000006,rl6@cumt.edu.cn,RLA,ACTIVE,\n");
        usernames.put(MEMBER, Fixtures.account(operator, "RL0001", null));
        usernames.put(UNIT_ADMIN_A, Fixtures.account(operator, "RL0002", unitA));
        usernames.put(UNIT_ADMIN_B, Fixtures.account(operator, "RL0003", unitB));
        String unionAdmin = Fixtures.account(operator, "RL0004", null);
        long unionAdminAccount = accountId(unionAdmin);
        Rest.Reply grant = operator.post("/api/accounts/" + unionAdminAccount + "/roles", Map.of("role", "union-admin"));
        if (grant.status() != 200) {
            throw new AssertionError("union-admin grant: " + grant);
        }
        usernames.put(UNION_ADMIN, unionAdmin);
        victimMember = Fixtures.memberId(operator, "RL0005");
        victimAccount = accountId(Fixtures.account(operator, "RL0005", null));
        spare = Fixtures.account(operator, "RL0006", null);
        clients.put(ANONYMOUS, anonymous);
        roles.put(ANONYMOUS, List.of());
        clients.put(OPERATOR, operator);
        usernames.keySet().forEach(this::relogin);
        roles.put(OPERATOR, rolesOf(operator));
        session = createSession();
    }

    private long accountId(String staffNo) {
        return operator.get("/api/accounts?q=" + staffNo).json().path("items").get(0).path("id").asLong();
    }

    private long createSession() {
        java.time.Instant start = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(600);
        Rest.Reply created = client(UNION_ADMIN).post("/api/study/sessions", Map.of("title", "可靠性学习会", "startsAt",
                start.toString(), "endsAt", start.plusSeconds(7200).toString(), "organiserUnitId", unitA,
                "targetUnitIds", List.of(unitA)));
        if (created.status() != 201) {
            throw new AssertionError("study session: " + created);
        }
        return created.json().path("id").asLong();
    }

    /** Logs the actor in again (after a logout, a password change or a lock lifted). */
    void relogin(String actor) {
        if (ANONYMOUS.equals(actor)) {
            return;
        }
        Rest client = OPERATOR.equals(actor)
                ? anonymous.withToken(anonymous.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD))
                : anonymous.withToken(anonymous.login(usernames.get(actor), Fixtures.PASSWORD));
        clients.put(actor, client);
        roles.put(actor, rolesOf(client));
    }

    Rest client(String actor) {
        return clients.get(actor);
    }

    Rest spareClient() {
        return anonymous.withToken(anonymous.login(spare, Fixtures.PASSWORD));
    }

    List<String> roles(String actor) {
        return roles.get(actor);
    }

    private static List<String> rolesOf(Rest client) {
        JsonNode me = client.get("/api/me").json();
        List<String> result = new java.util.ArrayList<>();
        me.path("roles").forEach(role -> result.add(role.asText()));
        return result;
    }

    /** The id that stands for "a record of unit A" in a path whose parameter follows {@code kind}. */
    String recordId(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
        case "accounts" -> Long.toString(victimAccount);
        case "members" -> Long.toString(victimMember);
        case "units" -> Long.toString(groupA1);
        case "sessions" -> Long.toString(session);
        // Not an installed plugin: disable, uninstall and purge are in the document now, and must not
        // take the study plugin away from the rest of the suite. The guard decides before the lookup.
        case "plugins" -> "absentplugin";
        default -> Long.toString(UNKNOWN_ID);
        };
    }

    /** Whether a path parameter after {@code kind} names a record scoped to a unit (A's, here). */
    static boolean unitScoped(String kind) {
        return kind != null && List.of("accounts", "members", "units", "sessions").contains(kind);
    }
}
