package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * A secret ballot over HTTP: the union opens one for one unit's members; a member votes once (a receipt,
 * then 409, also when the same member's votes race), another unit's member is refused, nothing is taken
 * after the close, the tally appears only then and holds each voter's receipt; and the tables, read through
 * the core's DataSource, hold no member beside a vote and nothing that orders votes like voters.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BallotIT extends UnionKarafTestSupport {

    private static final String BALLOTS = "/api/ballots";
    private static final int OTHERS_IN_UNIT = 20;

    private Rest admin;
    private long unit;

    @Before
    public void unitsMembersAndAccounts() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus(BALLOTS, 401, BOOT_TIMEOUT);
        admin = asAdmin();
        unit = Fixtures.unit(admin, "BLA");
        Fixtures.unit(admin, "BLB");
        StringBuilder rows = new StringBuilder("BL0001,周一,M,1976-01-02,13900000001,bl1@cumt.edu.cn,BLA,ACTIVE,\n"
                + "BL0002,吴二,F,1989-03-04,13900000002,bl2@cumt.edu.cn,BLA,ACTIVE,\n"
                + "BL0003,孙三,F,1985-03-04,13900000003,bl3@cumt.edu.cn,BLA,ACTIVE,\n"
                + "BL0101,郑三,M,1980-05-06,13900000101,bl101@cumt.edu.cn,BLB,ACTIVE,\n"
                + "BL0900,王九,F,1970-07-08,13900000900,bl900@cumt.edu.cn,BLB,ACTIVE,\n");
        for (int i = 0; i < OTHERS_IN_UNIT; i++) {
            rows.append(String.format("BL05%02d,会员%d,M,1980-01-01,139000005%02d,bl5%02d@cumt.edu.cn,BLA,ACTIVE,%n", i, i, i, i));
        }
        Fixtures.importMembers(admin, rows.toString());
    }

    @Test
    public void aSecretBallotTakesOneVoteEachAndPublishesItsTallyOnlyWhenClosed() throws Exception {
        Rest union = withToken(login(Fixtures.unionAdmin(admin, "BL0900"), Fixtures.PASSWORD));
        Rest one = withToken(login(Fixtures.account(admin, "BL0001", null), Fixtures.PASSWORD));
        Rest two = withToken(login(Fixtures.account(admin, "BL0002", null), Fixtures.PASSWORD));
        Rest three = withToken(login(Fixtures.account(admin, "BL0003", null), Fixtures.PASSWORD));
        Rest outsider = withToken(login(Fixtures.account(admin, "BL0101", null), Fixtures.PASSWORD));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rest.Reply created = union.post(BALLOTS, Map.of("title", "BLA 工会委员选举", "secret", true,
                "options", List.of(Map.of("key", "a", "label", "候选人甲", "category", "教师"),
                        Map.of("key", "b", "label", "候选人乙", "category", "教师"),
                        Map.of("key", "c", "label", "候选人丙", "category", "管理")),
                "opensAt", now.minusSeconds(60).toString(), "closesAt", now.plusSeconds(3600).toString(),
                "audience", Map.of("allUnits", false, "unitIds", List.of(unit), "withSubUnits", true, "categories", List.of()),
                "maxChoices", 2, "maxPerCategory", Map.of("教师", 1)));
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().path("id").asLong();
        String ballot = BALLOTS + "/" + id;
        assertEquals("OPEN", created.json().path("status").asText());
        assertEquals("a member may not create one", 403, one.post(BALLOTS, Map.of("title", "x")).status());

        JsonNode mine = one.get(BALLOTS).json();
        assertTrue(mine.toString(), find(mine, id) != null && !find(mine, id).path("voted").asBoolean());
        assertTrue("it waits on the voter", tasks(one).contains(ballot));
        assertFalse("the outsider is not shown it", find(outsider.get(BALLOTS).json(), id) != null);
        assertFalse(tasks(outsider).contains(ballot));

        Rest.Reply tooMany = one.post(ballot + "/votes", Map.of("choices", List.of("a", "b")));
        assertEquals(tooMany.toString(), "ballot.too-many-in-category", tooMany.json().path("code").asText());
        Rest.Reply voted = one.post(ballot + "/votes", Map.of("choices", List.of("a", "c")));
        assertEquals(voted.toString(), 201, voted.status());
        String receipt = voted.json().path("receipt").asText();
        String digest = voted.json().path("digest").asText();
        Rest.Reply again = one.post(ballot + "/votes", Map.of("choices", List.of("b")));
        assertEquals(again.toString(), 409, again.status());
        assertEquals("ballot.already-voted", again.json().path("code").asText());
        assertFalse("voted: no longer waiting", tasks(one).contains(ballot));
        assertTrue(one.get(ballot).json().path("voted").asBoolean());

        Rest.Reply refused = outsider.post(ballot + "/votes", Map.of("choices", List.of("a")));
        assertEquals(refused.toString(), 403, refused.status());
        assertEquals("ballot.not-eligible", refused.json().path("code").asText());
        assertEquals(403, outsider.get(ballot + "/tally").status());
        Rest.Reply early = union.get(ballot + "/tally");
        assertEquals("no tally while open: " + early, 409, early.status());
        assertEquals("ballot.tally-not-published", early.json().path("code").asText());

        // the same member, eight requests at once: one lands
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(pool.submit(() -> {
                    go.await();
                    return two.post(ballot + "/votes", Map.of("choices", List.of("b"))).status();
                }));
            }
            go.countDown();
            for (Future<Integer> status : racing) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(statuses.toString(), 7, statuses.stream().filter(s -> s == 409).count());

        assertTablesCannotLinkVotesToVoters(id, 2);

        Rest.Reply closed = union.post(ballot + "/close", Map.of());
        assertEquals(closed.toString(), 200, closed.status());
        assertEquals("CLOSED", closed.json().path("status").asText());
        Rest.Reply late = three.post(ballot + "/votes", Map.of("choices", List.of("c")));
        assertEquals(late.toString(), 409, late.status());
        assertEquals("ballot.closed", late.json().path("code").asText());

        JsonNode tally = one.get(ballot + "/tally").json();
        assertEquals(tally.toString(), 2, tally.path("voters").asInt());
        Map<String, Integer> counts = new java.util.HashMap<>();
        tally.path("counts").forEach(c -> counts.put(c.path("key").asText(), c.path("count").asInt()));
        assertEquals(Map.of("a", 1, "b", 1, "c", 1), counts);
        JsonNode counted = null;
        for (JsonNode vote : tally.path("votes")) {
            if (vote.path("digest").asText().equals(digest)) {
                counted = vote;
            }
        }
        assertTrue("my receipt is in the tally: " + tally, counted != null);
        assertEquals("[\"a\",\"c\"]", counted.path("choices").toString());
        JsonNode check = one.post(ballot + "/receipts", Map.of("receipt", receipt)).json();
        assertTrue(check.toString(), check.path("counted").asBoolean());
        assertFalse(one.post(ballot + "/receipts", Map.of("receipt", receipt + "x")).json().path("counted").asBoolean());
        assertFalse("the tally names no voter", tally.toString().contains("memberId") || tally.toString().contains("BL0001"));
    }

    /** Reads the ballot's rows through the core's DataSource, as an operator with the database would. */
    private void assertTablesCannotLinkVotesToVoters(long id, int voters) throws Exception {
        ServiceReference<?> reference = services("(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=union))").get(0);
        DataSource dataSource = (DataSource) bundleContext.getService(reference);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = connection.getMetaData().getColumns(null, null, "UNION_BALLOT_VOTE", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                    assertFalse("no time on a vote", rs.getString("TYPE_NAME").contains("TIME"));
                }
            }
            assertEquals("no member, no time, no sequence", Set.of("SLOT_ID", "BALLOT_ID", "FILLED", "RECEIPT_DIGEST", "CHOICES"),
                    columns);
            int voterRows = 0;
            try (ResultSet rs = sql.executeQuery("select RECEIPT_DIGEST from UNION_BALLOT_VOTER where BALLOT_ID = " + id)) {
                while (rs.next()) {
                    voterRows++;
                    assertEquals("a secret ballot's voter row holds no receipt", null, rs.getString(1));
                }
            }
            assertEquals(voters, voterRows);
            // in the table's own order (no ORDER BY: as the pages lie), where do the filled slots sit?
            List<Integer> filledAt = new ArrayList<>();
            List<String> slotIds = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("select SLOT_ID, FILLED from UNION_BALLOT_VOTE where BALLOT_ID = " + id)) {
                for (int row = 0; rs.next(); row++) {
                    slotIds.add(rs.getString(1));
                    if (rs.getInt(2) == 1) {
                        filledAt.add(row);
                    }
                }
            }
            assertTrue("a slot per eligible member and more: " + slotIds.size(), slotIds.size() > OTHERS_IN_UNIT + 3);
            assertEquals(voters, filledAt.size());
            // Where the filled slots sit is random, so no assertion here can be both strict and never wrong
            // (the first rows are filled once in ~700 runs); BallotServiceTest checks the placement's rule.
            List<String> sorted = new ArrayList<>(slotIds);
            sorted.sort(null);
            assertNotEquals("slot ids follow no sequence", sorted, slotIds);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private static JsonNode find(JsonNode views, long id) {
        for (JsonNode view : views) {
            if (view.path("ballot").path("id").asLong() == id) {
                return view;
            }
        }
        return null;
    }

    private static String tasks(Rest user) {
        Rest.Reply tasks = user.get("/api/tasks");
        assertEquals(tasks.toString(), 200, tasks.status());
        return tasks.json().path("items").toString();
    }
}
