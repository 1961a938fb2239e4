package cn.edu.cumt.union.core.internal.ballot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.BallotOption;
import cn.edu.cumt.union.api.ballot.BallotStatus;
import cn.edu.cumt.union.api.ballot.ReceiptDTO;
import cn.edu.cumt.union.api.ballot.TallyDTO;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.auth.TestClock;
import cn.edu.cumt.union.core.internal.directory.DirectoryImpl;
import cn.edu.cumt.union.core.internal.duty.DutyGrantDTO;
import cn.edu.cumt.union.core.internal.duty.DutyService;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;
import cn.edu.cumt.union.core.internal.security.AccessControlImpl;

/** Ballots on a real (in-memory Derby) database: one vote each, eligibility, the window, the tally, secrecy. */
public class BallotServiceTest {

    private static final Instant START = new TestClock().instant();

    private TestDatabase db;
    private TestTree tree;
    private TestClock clock;
    private DutyService duties;
    private BallotService service;
    private long csMember;
    private long csMember2;
    private long mathMember;
    private ExecutorService pool;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        tree = new TestTree(db);
        clock = new TestClock();
        duties = new DutyService(db, new AccessControlImpl(db, null), db.auditLog, clock);
        service = new BallotService(db, new DirectoryImpl(db, null), duties, db.auditLog, clock);
        csMember = tree.member("S0001", "张三", tree.cs.id());
        csMember2 = tree.member("S0002", "赵六", tree.csG1.id());
        mathMember = tree.member("S0003", "李四", tree.math.id());
        pool = Executors.newFixedThreadPool(8);
    }

    @After
    public void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static BallotDefinition definition(boolean secret, Audience audience, String duty) {
        return new BallotDefinition("计算机学院工会委员选举", List.of(new BallotOption("a", "张三", "教师"),
                new BallotOption("b", "李四", "教师"), new BallotOption("c", "王五", "管理")), START.minusSeconds(60),
                START.plus(Duration.ofHours(2)), secret, audience, duty, 2, Map.of("教师", 1));
    }

    private BallotDTO csBallot() {
        return service.create("core", "union", definition(true, Audience.units(List.of(tree.cs.id()), true), null));
    }

    private static String code(Runnable call) {
        return assertThrows(ApiException.class, call::run).code();
    }

    @Test
    public void aMemberVotesOnceAndGetsAReceipt() {
        BallotDTO ballot = csBallot();
        assertEquals(BallotStatus.OPEN, ballot.status());
        ReceiptDTO receipt = service.cast(csMember, ballot.id(), List.of("c", "a"));
        assertEquals(List.of("a", "c"), receipt.choices());
        assertEquals(BallotRules.digest(receipt.receipt()), receipt.digest());
        assertTrue(service.hasVoted(ballot.id(), csMember));
        assertEquals("ballot.already-voted", code(() -> service.cast(csMember, ballot.id(), List.of("b"))));
        assertEquals("a member of a group below the unit votes too", 1,
                service.cast(csMember2, ballot.id(), List.of("b")).choices().size());
    }

    @Test
    public void outsidersAndLimitsAreRefused() {
        BallotDTO ballot = csBallot();
        assertEquals("ballot.not-eligible", code(() -> service.cast(mathMember, ballot.id(), List.of("a"))));
        assertEquals("ballot.too-many-in-category", code(() -> service.cast(csMember, ballot.id(), List.of("a", "b"))));
        assertEquals("ballot.unknown-option", code(() -> service.cast(csMember, ballot.id(), List.of("x"))));
        assertFalse("a refused vote leaves no trace", service.hasVoted(ballot.id(), csMember));
        assertEquals("ballot.not-found", code(() -> service.cast(csMember, 987654, List.of("a"))));
    }

    @Test
    public void eligibilityIsOnTheDayOfVoting() {
        BallotDTO ballot = service.create("core", "union", definition(true, null, "reviewer"));
        assertEquals("no duty yet", "ballot.not-eligible", code(() -> service.cast(csMember, ballot.id(), List.of("a"))));
        UnionPrincipal union = new UnionPrincipal(1, "union", null, null, Set.of(Roles.MEMBER, Roles.UNION_ADMIN), Set.of(), "s");
        LocalDate today = LocalDate.ofInstant(START, BallotService.ZONE);
        duties.grant(union, new DutyGrantDTO("reviewer", "评审专家", csMember, tree.root.id(), today, null));
        duties.grant(union, new DutyGrantDTO("reviewer", "评审专家", mathMember, tree.root.id(), today.plusDays(1), null));
        service.cast(csMember, ballot.id(), List.of("a"));
        assertEquals("a duty from tomorrow", "ballot.not-eligible", code(() -> service.cast(mathMember, ballot.id(), List.of("a"))));
    }

    @Test
    public void votesAreTakenOnlyWhileOpenAndTheTallyOnlyAfter() {
        BallotDTO later = service.create("core", "union", new BallotDefinition("下周的投票", definition(true, null, null).options(),
                START.plus(Duration.ofDays(7)), START.plus(Duration.ofDays(8)), true, null, null, 1, Map.of()));
        assertEquals("ballot.not-open", code(() -> service.cast(csMember, later.id(), List.of("a"))));
        BallotDTO ballot = csBallot();
        ReceiptDTO mine = service.cast(csMember, ballot.id(), List.of("a", "c"));
        assertTrue("no running counts", service.tally(ballot.id()).isEmpty());
        assertTrue("no receipt check before the tally", service.verify(ballot.id(), mine.receipt()).isEmpty());
        clock.advance(Duration.between(clock.instant(), ballot.closesAt()));
        assertEquals("ballot.closed", code(() -> service.cast(csMember2, ballot.id(), List.of("b"))));
        TallyDTO tally = service.tally(ballot.id()).orElseThrow();
        assertEquals(1, tally.voters());
        assertEquals(List.of(1L, 0L, 1L), tally.counts().stream().map(TallyDTO.OptionCount::count).toList());
        assertEquals(List.of(new TallyDTO.CountedVote(mine.digest(), List.of("a", "c"))), tally.votes());
        assertEquals(List.of("a", "c"), service.verify(ballot.id(), mine.receipt()).orElseThrow().choices());
        assertTrue("a made-up receipt", service.verify(ballot.id(), BallotRules.newReceipt()).isEmpty());
        assertTrue(db.audit.stream().anyMatch(line -> line.startsWith("ballot.close " + ballot.id() + " ")));
        assertFalse("the audit never holds a choice", db.audit.stream().anyMatch(line -> line.contains(mine.digest())));
    }

    @Test
    public void anOwnerClosesEarlyOnlyItsOwnBallot() {
        BallotDTO ballot = service.create("study", "study", definition(false, null, null));
        service.cast(csMember, ballot.id(), List.of("b"));
        assertEquals("ballot.not-found", code(() -> service.close("brand", ballot.id(), "brand")));
        BallotDTO closed = service.close("study", ballot.id(), "study");
        assertEquals(BallotStatus.CLOSED, closed.status());
        assertEquals(List.of(0L, 1L, 0L), service.tally(ballot.id()).orElseThrow().counts().stream()
                .map(TallyDTO.OptionCount::count).toList());
        assertEquals("ballot.closed", code(() -> service.cast(mathMember, ballot.id(), List.of("a"))));
    }

    @Test
    public void parallelCastsOfOneMemberCountOnce() throws Exception {
        BallotDTO ballot = csBallot();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> casts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<String> cast = () -> {
                go.await();
                try {
                    service.cast(csMember, ballot.id(), List.of("a"));
                    return "ok";
                } catch (ApiException e) {
                    return e.code();
                }
            };
            casts.add(pool.submit(cast));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> cast : casts) {
            outcomes.add(cast.get());
        }
        assertEquals(outcomes.toString(), 1, outcomes.stream().filter("ok"::equals).count());
        assertEquals(7, outcomes.stream().filter("ballot.already-voted"::equals).count());
        clock.advance(Duration.between(clock.instant(), ballot.closesAt()));
        assertEquals(1, service.tally(ballot.id()).orElseThrow().voters());
    }

    @Test
    public void aSecretBallotsVotesCannotBeLinkedToItsVoters() {
        BallotDTO ballot = csBallot();
        long slots = db.txExpr(em -> ((Number) em.createNativeQuery("select count(*) from UNION_BALLOT_VOTE where BALLOT_ID = ?1")
                .setParameter(1, ballot.id()).getSingleResult()).longValue());
        assertEquals("a slot per eligible member and some to spare", BallotRules.initialSlots(2), slots);
        service.cast(csMember, ballot.id(), List.of("a"));
        service.cast(csMember2, ballot.id(), List.of("c"));
        List<?> voters = db.txExpr(em -> em.createNativeQuery("select RECEIPT_DIGEST from UNION_BALLOT_VOTER where BALLOT_ID = ?1")
                .setParameter(1, ballot.id()).getResultList());
        assertEquals(2, voters.size());
        assertTrue("a secret ballot's voter row holds no receipt", voters.stream().allMatch(d -> d == null));
        List<?> columns = db.txExpr(em -> em.createNativeQuery("select c.COLUMNNAME from SYS.SYSCOLUMNS c join SYS.SYSTABLES t"
                + " on c.REFERENCEID = t.TABLEID where t.TABLENAME = 'UNION_BALLOT_VOTE'").getResultList());
        assertEquals(Set.of("SLOT_ID", "BALLOT_ID", "FILLED", "RECEIPT_DIGEST", "CHOICES"),
                Set.copyOf(columns.stream().map(String::valueOf).toList()));
    }

    @Test
    public void aRealNameBallotKnowsWhoseReceiptIsWhose() {
        BallotDTO ballot = service.create("core", "union", definition(false, null, null));
        ReceiptDTO receipt = service.cast(mathMember, ballot.id(), List.of("c"));
        Object stored = db.txExpr(em -> em.createNativeQuery("select RECEIPT_DIGEST from UNION_BALLOT_VOTER where BALLOT_ID = ?1"
                + " and MEMBER_ID = ?2").setParameter(1, ballot.id()).setParameter(2, mathMember).getSingleResult());
        assertEquals(receipt.digest(), String.valueOf(stored).strip());
    }

    @Test
    public void slotsAreAddedAsVotersArrive() {
        BallotDTO ballot = service.create("core", "union", definition(true, Audience.units(List.of(tree.math.id()), false), null));
        for (int i = 0; i < 12; i++) {
            long member = tree.member("T" + i, "新会员" + i, tree.math.id());
            service.cast(member, ballot.id(), List.of("a"));
        }
        clock.advance(Duration.between(clock.instant(), ballot.closesAt()));
        assertEquals(12, service.tally(ballot.id()).orElseThrow().votes().size());
    }

    @Test
    public void aUnitPluginOpensBallotsOnlyWithinItsUnitAndSeesOnlyItsOwn() {
        ScopedBallots cs = new ScopedBallots(service, "cs-plugin", new DirectoryImpl(db, "CS"));
        assertEquals("every member", "ballot.outside-unit", code(() -> cs.create(definition(true, null, null))));
        assertEquals("a duty alone", "ballot.outside-unit", code(() -> cs.create(definition(true, null, "reviewer"))));
        assertEquals("all units", "ballot.outside-unit", code(() -> cs.create(definition(true, Audience.everyone(), null))));
        assertEquals("another unit", "ballot.outside-unit", code(() -> cs.create(definition(true,
                Audience.units(List.of(tree.math.id()), false), null))));
        assertEquals("its unit and another", "ballot.outside-unit", code(() -> cs.create(definition(true,
                Audience.units(List.of(tree.cs.id(), tree.root.id()), false), null))));
        BallotDTO own = cs.create(definition(true, Audience.units(List.of(tree.csG1.id()), false), null));
        assertEquals("cs-plugin", own.owner());
        BallotDTO other = service.create("core", "union", definition(true, null, null));
        assertTrue(cs.find(other.id()).isEmpty());
        assertEquals(List.of(own.id()), cs.list().stream().map(BallotDTO::id).toList());
        assertEquals("ballot.not-found", code(() -> cs.close(other.id())));
        service.cast(csMember, other.id(), List.of("a"));
        assertFalse("whether a member voted on another's ballot", cs.hasVoted(other.id(), csMember));
        clock.advance(Duration.between(clock.instant(), other.closesAt()));
        assertTrue("another's tally", cs.tally(other.id()).isEmpty());
        assertTrue(new ScopedBallots(service, "core", null).tally(other.id()).isPresent());
    }
}
