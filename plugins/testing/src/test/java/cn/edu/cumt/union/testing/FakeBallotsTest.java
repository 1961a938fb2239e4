package cn.edu.cumt.union.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.BallotOption;
import cn.edu.cumt.union.api.ballot.BallotStatus;
import cn.edu.cumt.union.api.ballot.ReceiptDTO;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.rest.ApiException;

/** The kit's ballots keep the core's rules, so a plugin's test of its ballot use means something. */
public class FakeBallotsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    private final FakeDirectory directory = new FakeDirectory();
    private final TestClock clock = new TestClock(NOW);
    private FakeBallots ballots;
    private BallotDTO ballot;

    @Before
    public void setUp() {
        directory.unit(1, "CUMT", "中国矿业大学", null);
        directory.unit(2, "CS", "计算机学院", 1L);
        directory.unit(3, "MATH", "数学学院", 1L);
        directory.member(10, 2, MemberStatus.ACTIVE);
        directory.member(11, 2, MemberStatus.ACTIVE);
        directory.member(20, 3, MemberStatus.ACTIVE);
        ballots = new FakeBallots(directory, new FakeDuties(directory), clock);
        ballot = ballots.create(new BallotDefinition("计算机学院评优", List.of(new BallotOption("a", "张三", "个人"),
                new BallotOption("b", "李四", "个人"), new BallotOption("g", "一组", "集体")), NOW.minusSeconds(1),
                NOW.plusSeconds(3600), true, Audience.units(List.of(2L), true), null, 2, Map.of("个人", 1)));
    }

    private static String code(Runnable call) {
        return assertThrows(ApiException.class, call::run).code();
    }

    @Test
    public void oneVoteEachWithinTheLimitsAndOnlyForTheAudience() {
        ReceiptDTO receipt = ballots.cast(10, ballot.id(), List.of("g", "a"));
        assertEquals(List.of("a", "g"), receipt.choices());
        assertEquals("ballot.already-voted", code(() -> ballots.cast(10, ballot.id(), List.of("b"))));
        assertEquals("ballot.too-many-in-category", code(() -> ballots.cast(11, ballot.id(), List.of("a", "b"))));
        assertEquals("ballot.not-eligible", code(() -> ballots.cast(20, ballot.id(), List.of("a"))));
        assertTrue("no tally while open", ballots.tally(ballot.id()).isEmpty());
    }

    @Test
    public void theTallyAppearsAtTheClosingTime() {
        ReceiptDTO receipt = ballots.cast(10, ballot.id(), List.of("b"));
        clock.now = ballot.closesAt();
        assertEquals(BallotStatus.CLOSED, ballots.find(ballot.id()).orElseThrow().status());
        assertEquals("ballot.closed", code(() -> ballots.cast(11, ballot.id(), List.of("a"))));
        var tally = ballots.tally(ballot.id()).orElseThrow();
        assertEquals(1, tally.voters());
        assertEquals(List.of(0L, 1L, 0L), tally.counts().stream().map(c -> c.count()).toList());
        assertEquals(receipt.digest(), tally.votes().get(0).digest());
    }
}
