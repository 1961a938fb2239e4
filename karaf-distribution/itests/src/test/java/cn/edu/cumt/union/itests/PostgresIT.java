package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform on a real PostgreSQL (issue 13): the distribution booted with {@link OnPostgres}'s settings
 * only (etc/, as central IT would do it), and what touches storage exercised over HTTP with real accounts:
 * members (create, prefix search with {@code %} and {@code _} typed, transfer, a CSV import with a dry run),
 * a study session with check-in, a brand project, and two unit plugins uploaded without a restart, each in
 * its own schema with its own role that cannot read the core's tables or the other plugin's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends UnionKarafTestSupport {

    private static final String FAMILYDAY_JAR = "union.itests.familyday-jar";
    private static final String OUTING_JAR = "union.itests.outing-jar";

    @Override
    protected Option[] extraOptions() {
        if (System.getProperty("karaf.base") != null) {
            return new Option[0]; // inside the container: the options were taken in the driver JVM
        }
        return new Option[] { bootFeaturesWith(OnPostgres.DRIVER_FEATURE), OnPostgres.settings(),
                systemProperty(FAMILYDAY_JAR).value(Distribution.familydayJar().toString()),
                systemProperty(OUTING_JAR).value(Distribution.outingJar().toString()) };
    }

    /** Every shipped plugin boots here: each one's changelog must run on PostgreSQL. */
    @Override
    protected java.util.Set<String> pluginsNotUnderTest() {
        return java.util.Set.of();
    }

    /** The platform's own DataSource: on PostgreSQL, as the role union. */
    @Inject
    @Filter(value = "(osgi.jndi.service.name=union)", timeout = 120_000)
    private DataSource platform;

    private Rest admin;
    private long unitA;
    private long unitB;

    @Before
    public void ready() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        admin = asAdmin();
        unitA = Fixtures.unit(admin, "PGA");
        unitB = Fixtures.unit(admin, "PGB");
    }

    @Test
    public void theCoreAndEveryShippedPluginRunOnPostgres() throws SQLException {
        for (String schema : List.of("core", "study", "brand", "congress", "welfare", "honours")) {
            await("schema " + schema + " migrated", BOOT_TIMEOUT, () -> services(schemaReady(schema)).size() == 1);
        }
        try (Connection connection = platform.getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
            assertTrue("the core's tables are in public, created by Liquibase",
                    count(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
                            + " AND table_name = 'union_member'") == 1);
        }
    }

    @Test
    public void membersAreImportedSearchedByPrefixAndTransferred() {
        String csv = Fixtures.MEMBER_HEADER + "PG0001,周_一,M,1980-01-02,13700000001,pg1@cumt.edu.cn,PGA,ACTIVE,cadre\n"
                + "PG0002,周二一,F,1985-03-04,13700000002,pg2@cumt.edu.cn,PGA,ACTIVE,\n"
                + "PG0003,Ann_Lee,F,1990-05-06,13700000003,pg3@cumt.edu.cn,PGA,ACTIVE,\n"
                + "PG0004,AnnXLee,M,1991-05-06,13700000004,pg4@cumt.edu.cn,PGA,ACTIVE,\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        Rest.Reply dryRun = admin.upload("/api/members/import?format=csv&dryRun=true", Fixtures.CSV, file);
        assertEquals(dryRun.toString(), 200, dryRun.status());
        assertEquals(dryRun.toString(), 4, dryRun.json().path("valid").asInt());
        assertEquals("a dry run writes nothing", 0, admin.get("/api/members?q=PG000").json().path("total").asInt());
        Rest.Reply applied = admin.upload("/api/members/import?format=csv&dryRun=false", Fixtures.CSV, file);
        assertEquals(applied.toString(), 200, applied.status());
        assertEquals(4, admin.get("/api/members?q=PG000").json().path("total").asInt());

        Rest.Reply created = admin.post("/api/members", Map.of("staffNo", "PG0100", "name", "百分%比", "gender", "F",
                "unitId", unitA, "status", "ACTIVE"));
        assertEquals(created.toString(), 200, created.status());

        // a database in pinyin order (ICU) still finds a prefix: the searched columns compare code points
        assertEquals(List.of("周_一", "周二一"), names(admin.get("/api/members?q=" + enc("周"))));
        // % and _ are characters as typed, not wildcards: on the range path (Chinese) and the LIKE path (Latin)
        assertEquals(List.of("周_一"), names(admin.get("/api/members?q=" + enc("周_"))));
        assertEquals(List.of("Ann_Lee"), names(admin.get("/api/members?q=" + enc("Ann_"))));
        assertEquals(List.of("百分%比"), names(admin.get("/api/members?q=" + enc("百分%"))));
        assertEquals("q=% matches no one", 0, admin.get("/api/members?q=%25").json().path("total").asInt());
        assertEquals(List.of("PG0001", "PG0002", "PG0003", "PG0004"), staffNos(admin.get("/api/members?q=PG000")));

        // a unit administrator of PGB sees none of PGA's members until one is transferred to PGB
        Fixtures.importMembers(admin, "PG0200,吴管理,M,1979-01-01,13700000200,pg200@cumt.edu.cn,PGB,ACTIVE,\n");
        Rest adminOfB = withToken(login(Fixtures.account(admin, "PG0200", unitB), Fixtures.PASSWORD));
        long member = Fixtures.memberId(admin, "PG0002");
        assertEquals("outside the caller's scope: 404", 404, adminOfB.get("/api/members/" + member).status());
        Rest.Reply transfer = admin.post("/api/members/" + member + "/transfer", Map.of("toUnitId", unitB, "note", "调入"));
        assertEquals(transfer.toString(), 200, transfer.status());
        assertEquals(unitB, transfer.json().path("unitId").asLong());
        Rest.Reply history = admin.get("/api/members/" + member + "/transfers");
        assertEquals(history.toString(), 1, history.json().size());
        assertEquals(200, adminOfB.get("/api/members/" + member).status());
        assertEquals(List.of("PG0002", "PG0200"), staffNos(adminOfB.get("/api/members?unitId=" + unitB)));
    }

    @Test
    public void aStudySessionWithCheckInKeepsItsTimes() {
        awaitStatus("/api/study/sessions", 401, BOOT_TIMEOUT);
        Fixtures.importMembers(admin, "PS0001,陈组织,M,1975-01-02,13600000001,ps1@cumt.edu.cn,PGA,ACTIVE,cadre\n"
                + "PS0002,林会员,F,1988-03-04,13600000002,ps2@cumt.edu.cn,PGA,ACTIVE,\n");
        Rest organiser = withToken(login(Fixtures.account(admin, "PS0001", unitA), Fixtures.PASSWORD));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rest.Reply created = organiser.post("/api/study/sessions", Map.of("title", "PostgreSQL 上的学习会",
                "topic", "理论学习", "place", "图书馆报告厅", "startsAt", now.minusSeconds(300).toString(),
                "endsAt", now.plusSeconds(3300).toString(), "organiserUnitId", unitA, "targetUnitIds", List.of(unitA)));
        assertEquals(created.toString(), 201, created.status());
        long session = created.json().path("id").asLong();
        String code = organiser.get("/api/study/sessions/" + session + "/code").json().path("code").asText();
        Rest member = withToken(login(Fixtures.account(admin, "PS0002", null), Fixtures.PASSWORD));
        Rest.Reply checkIn = member.post("/api/study/sessions/" + session + "/check-in", Map.of("code", code));
        assertEquals(checkIn.toString(), 200, checkIn.status());
        Rest.Reply again = member.post("/api/study/sessions/" + session + "/check-in", Map.of("code", code));
        assertEquals("idempotent, the time as stored (microseconds on PostgreSQL)",
                checkIn.json().path("checkedInAt").asText(), again.json().path("checkedInAt").asText());
        JsonNode read = organiser.get("/api/study/sessions/" + session).json();
        assertEquals(read.toString(), now.minusSeconds(300), Instant.parse(read.path("startsAt").asText()));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode report = organiser.get("/api/study/report?from=" + today + "&to=" + today).json();
        int attended = -1;
        for (JsonNode row : report.path("units")) {
            if (row.path("unitId").asLong() == unitA) {
                attended = row.path("attended").asInt();
            }
        }
        assertEquals(report.toString(), 1, attended);
    }

    @Test
    public void aBrandProjectIsAppliedForAndReviewed() {
        awaitStatus("/api/brand/projects", 401, BOOT_TIMEOUT);
        Fixtures.importMembers(admin, "PB0001,王品牌,M,1976-01-02,13500000001,pb1@cumt.edu.cn,PGA,ACTIVE,cadre\n"
                + "PB0900,钱校会,F,1970-07-08,13500000900,pb900@cumt.edu.cn,PGA,ACTIVE,cadre\n"
                + "PB0101,赵外单,M,1980-05-06,13500000101,pb101@cumt.edu.cn,PGB,ACTIVE,\n");
        Rest unitAdmin = withToken(login(Fixtures.account(admin, "PB0001", unitA), Fixtures.PASSWORD));
        Rest otherAdmin = withToken(login(Fixtures.account(admin, "PB0101", unitB), Fixtures.PASSWORD));
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "PB0900"), Fixtures.PASSWORD));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Rest.Reply applied = unitAdmin.post("/api/brand/projects", Map.of("unitId", unitA, "year", year,
                "name", "书香矿大·PostgreSQL", "aims", "打造品牌", "plan", "读书会", "budgetAsked", 20000));
        assertEquals(applied.toString(), 201, applied.status());
        String project = "/api/brand/projects/" + applied.json().path("project").path("id").asLong();
        assertEquals("another unit's admin", 404, otherAdmin.get(project).status());
        Rest.Reply approved = union.post(project + "/review", Map.of("decision", "APPROVE", "fundingGranted", 15000));
        assertEquals(approved.toString(), 200, approved.status());
        assertTrue("money with 2 decimals: " + approved, approved.body().contains("\"fundingGranted\":15000.00"));
        assertEquals(200, union.get("/api/brand/report?year=" + year).status());
    }

    @Test
    public void aSecretBallotCountsOneVoteEachWithItsNativeSql() {
        awaitStatus("/api/ballots", 401, BOOT_TIMEOUT);
        Fixtures.importMembers(admin, "PV0001,投票甲,M,1976-01-02,13300000001,pv1@cumt.edu.cn,PGA,ACTIVE,\n"
                + "PV0002,投票乙,F,1989-03-04,13300000002,pv2@cumt.edu.cn,PGA,ACTIVE,\n"
                + "PV0900,投票会,F,1970-07-08,13300000900,pv900@cumt.edu.cn,PGB,ACTIVE,\n");
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "PV0900"), Fixtures.PASSWORD));
        Rest one = withToken(login(Fixtures.account(admin, "PV0001", null), Fixtures.PASSWORD));
        Rest two = withToken(login(Fixtures.account(admin, "PV0002", null), Fixtures.PASSWORD));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rest.Reply created = union.post("/api/ballots", Map.of("title", "PGA 委员选举", "secret", true,
                "options", List.of(Map.of("key", "a", "label", "候选人甲", "category", "教师"),
                        Map.of("key", "b", "label", "候选人乙", "category", "管理")),
                "opensAt", now.minusSeconds(60).toString(), "closesAt", now.plusSeconds(3600).toString(),
                "audience", Map.of("allUnits", false, "unitIds", List.of(unitA), "withSubUnits", true, "categories", List.of()),
                "maxChoices", 2, "maxPerCategory", Map.of()));
        assertEquals(created.toString(), 201, created.status());
        String ballot = "/api/ballots/" + created.json().path("id").asLong();
        Rest.Reply voted = one.post(ballot + "/votes", Map.of("choices", List.of("a", "b")));
        assertEquals(voted.toString(), 201, voted.status());
        assertEquals(409, one.post(ballot + "/votes", Map.of("choices", List.of("b"))).status());
        assertEquals(201, two.post(ballot + "/votes", Map.of("choices", List.of("b"))).status());
        assertEquals(200, union.post(ballot + "/close", Map.of()).status());
        JsonNode tally = one.get(ballot + "/tally").json();
        assertEquals(tally.toString(), 2, tally.path("voters").asInt());
        Map<String, Integer> counts = new java.util.HashMap<>();
        tally.path("counts").forEach(c -> counts.put(c.path("key").asText(), c.path("count").asInt()));
        assertEquals(Map.of("a", 1, "b", 2), counts);
        assertTrue(one.post(ballot + "/receipts", Map.of("receipt", voted.json().path("receipt").asText()))
                .json().path("counted").asBoolean());
    }

    @Test
    public void unitPluginsLiveInTheirOwnSchemasAndCannotReachOthers() throws Exception {
        long mining = Fixtures.unit(admin, "MINING");
        Fixtures.importMembers(admin, "PU0001,矿业管理,M,1980-01-01,13400000001,pu1@cumt.edu.cn,MINING,ACTIVE,\n");
        Rest miningAdmin = withToken(login(Fixtures.account(admin, "PU0001", mining), Fixtures.PASSWORD));
        installFamilyday(miningAdmin);
        Rest.Reply outing = miningAdmin.uploadForm("/api/plugins", "file", "outing.jar",
                Files.readAllBytes(java.nio.file.Paths.get(System.getProperty(OUTING_JAR))));
        assertEquals(outing.toString(), 201, outing.status());
        await("outing answers", Duration.ofSeconds(60), () -> miningAdmin.get("/api/outing/activities").status() == 200);

        // each plugin's data round trip, restart-free
        Rest.Reply day = miningAdmin.post("/api/familyday/activities", Map.of("title", "PostgreSQL 家庭日",
                "startsAt", Instant.now().plusSeconds(86_400).toString()));
        assertEquals(day.toString(), 201, day.status());
        long dayId = day.json().path("id").asLong();
        assertEquals("PostgreSQL 家庭日", miningAdmin.get("/api/familyday/activities/" + dayId).json().path("title").asText());
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Rest.Reply file = miningAdmin.upload("/api/attachments/familyday/activity/" + dayId + "?name=" + enc("程序单.pdf"),
                "application/octet-stream", pdf);
        assertEquals(file.toString(), 201, file.status());
        Rest.Download download = miningAdmin.download("/api/attachments/" + file.json().path("id").asLong());
        assertEquals(200, download.status());
        assertTrue("the file as uploaded (bytea)", java.util.Arrays.equals(pdf, download.body()));
        Rest.Reply hike = miningAdmin.post("/api/outing/activities", Map.of("title", "春季远足", "startsAt", "2026-04-01T08:00:00Z"));
        assertEquals(hike.toString(), 201, hike.status());

        try (Connection core = platform.getConnection()) {
            // pg_tables, not information_schema: that one lists only the tables the role may use
            assertEquals("familyday's tables are in its schema, owned by its role", 2, count(core, "SELECT COUNT(*) FROM pg_tables"
                    + " WHERE schemaname = 'union_plugin_familyday' AND tableowner = 'union_plugin_familyday'"
                    + " AND tablename LIKE 'familyday\\_%'"));
            assertEquals("and not in the core's", 0, count(core, "SELECT COUNT(*) FROM pg_tables"
                    + " WHERE schemaname = 'public' AND tablename LIKE 'familyday%'"));
            assertRefused(core, "SELECT * FROM union_plugin_familyday.familyday_activity");
            assertEquals(1, count(core, "SELECT COUNT(*) FROM pg_roles WHERE rolname = 'union_plugin_familyday'"
                    + " AND NOT rolsuper AND NOT rolcreaterole AND NOT rolcreatedb"));
        }

        // the plugin's own connection: its tables yes, the core's and the other plugin's no, even in native SQL
        DataSource familyday = pluginDataSource("familyday");
        try (Connection own = familyday.getConnection()) {
            assertEquals("union_plugin_familyday", own.getMetaData().getUserName());
            assertEquals(1, count(own, "SELECT COUNT(*) FROM familyday_activity"));
            for (String foreign : List.of("public.union_member", "union_member", "public.union_account",
                    "union_plugin_outing.outing_activity")) {
                assertRefused(own, "SELECT * FROM " + foreign);
            }
            assertRefused(own, "CREATE TABLE public.planted (x INT)");
            assertRefused(own, "CREATE SCHEMA planted");
            assertRefused(own, "SET ROLE \"union\"");
        }

        // purge: the export first, then the schema and the role are gone
        assertEquals(200, miningAdmin.delete("/api/plugins/familyday").status());
        Rest.Reply purged = admin.post("/api/plugins/familyday/purge", Map.of("confirm", "familyday"));
        assertEquals(purged.toString(), 200, purged.status());
        assertTrue(purged.toString(), purged.body().contains("FAMILYDAY_ACTIVITY") || purged.body().contains("familyday_activity"));
        Rest.Download export = admin.download(purged.json().path("download").asText());
        assertEquals(200, export.status());
        try (Connection core = platform.getConnection()) {
            assertEquals(0, count(core, "SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'union_plugin_familyday'"));
            assertEquals(0, count(core, "SELECT COUNT(*) FROM pg_roles WHERE rolname = 'union_plugin_familyday'"));
            assertEquals("the other plugin keeps its schema", 1,
                    count(core, "SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'union_plugin_outing'"));
        }
        assertEquals("outing still answers", 200, miningAdmin.get("/api/outing/activities").status());

        // a backup says that it copies no server database, and how to back PostgreSQL up
        Rest.Reply backup = admin.post("/api/admin/backup", null);
        assertEquals(backup.toString(), 200, backup.status());
        assertTrue(backup.toString(), backup.body().contains("pg_dump"));
    }

    private DataSource pluginDataSource(String pluginId) {
        var references = services("(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=union-plugin-" + pluginId + "))");
        assertEquals(1, references.size());
        DataSource dataSource = (DataSource) bundleContext.getService(references.get(0));
        assertNotNull(dataSource);
        return dataSource;
    }

    private static void assertRefused(Connection connection, String sql) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            fail("A unit plugin's own connection ran: " + sql);
        } catch (SQLException refused) {
            String state = refused.getSQLState();
            assertTrue(sql + ": " + state + " " + refused.getMessage(),
                    "42501".equals(state) || "42P01".equals(state) || "3F000".equals(state) || "22023".equals(state));
        } finally {
            if (!autoCommit) {
                connection.rollback();
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> names(Rest.Reply page) {
        return column(page, "name");
    }

    private static List<String> staffNos(Rest.Reply page) {
        return column(page, "staffNo");
    }

    private static List<String> column(Rest.Reply page, String field) {
        assertEquals(page.toString(), 200, page.status());
        List<String> values = new ArrayList<>();
        for (JsonNode item : page.json().path("items")) {
            values.add(item.path(field).asText());
        }
        assertFalse(page.toString(), page.json().path("items").isMissingNode());
        return values;
    }
}
