package cn.edu.cumt.union.core.internal.ballot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.edu.cumt.union.api.ballot.BallotChecks;
import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.BallotOption;
import cn.edu.cumt.union.api.ballot.BallotStatus;
import cn.edu.cumt.union.api.rest.ApiException;

/** The ballot's rules without a database: definitions, limits per voter and per category, receipts, slots. */
public class BallotRulesTest {

    private static final Instant OPENS = Instant.parse("2026-03-10T00:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-03-12T00:00:00Z");
    private static final List<BallotOption> OPTIONS = List.of(new BallotOption("a", "张三", "个人"),
            new BallotOption("b", "李四", "个人"), new BallotOption("c", "王五", "个人"), new BallotOption("g1", "计算机学院", "集体"),
            new BallotOption("g2", "数学学院", "集体"));

    private static BallotDefinition definition(List<BallotOption> options, int maxChoices, Map<String, Integer> perCategory) {
        return new BallotDefinition("2026 年度先进评选", options, OPENS, CLOSES, true, null, null, maxChoices, perCategory);
    }

    private static BallotDTO ballot(int maxChoices, Map<String, Integer> perCategory) {
        BallotDefinition valid = BallotChecks.validate(definition(OPTIONS, maxChoices, perCategory));
        return new BallotDTO(1, "core", valid.title(), valid.options(), OPENS, CLOSES, null, BallotStatus.OPEN, true, null,
                null, valid.maxChoices(), valid.maxPerCategory(), "union");
    }

    private static String code(Runnable call) {
        return assertThrows(ApiException.class, call::run).code();
    }

    @Test
    public void aDefinitionMustBeWhole() {
        assertEquals("request.field-missing", code(() -> BallotChecks.validate(definition(List.of(), 1, Map.of()))));
        assertEquals("request.field-invalid", code(() -> BallotChecks.validate(definition(List.of(
                new BallotOption("a", "x", null), new BallotOption("a", "y", null)), 1, Map.of()))));
        assertEquals("request.field-invalid", code(() -> BallotChecks.validate(definition(List.of(
                new BallotOption("a b", "x", null)), 1, Map.of()))));
        assertEquals("more choices than options", "request.field-invalid",
                code(() -> BallotChecks.validate(definition(OPTIONS, 6, Map.of()))));
        assertEquals("a limit for a category no option has", "request.field-invalid",
                code(() -> BallotChecks.validate(definition(OPTIONS, 2, Map.of("团队", 1)))));
        assertEquals("closes before it opens", "request.field-invalid", code(() -> BallotChecks.validate(
                new BallotDefinition("t", OPTIONS, CLOSES, OPENS, true, null, null, 1, Map.of()))));
        List<BallotOption> many = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            many.add(new BallotOption("o" + i, "候选人" + i, null));
        }
        assertEquals("request.field-invalid", code(() -> BallotChecks.validate(definition(many, 1, Map.of()))));
    }

    @Test
    public void aVoteIsCheckedOptionByOptionAndByLimit() {
        BallotDTO ballot = ballot(3, Map.of("个人", 2, "集体", 1));
        assertEquals(List.of(0, 3), BallotChecks.choices(ballot, List.of("g1", "a")));
        assertEquals("a blank vote", List.of(), BallotChecks.choices(ballot, List.of()));
        assertEquals("ballot.unknown-option", code(() -> BallotChecks.choices(ballot, List.of("zz"))));
        assertEquals("ballot.duplicate-option", code(() -> BallotChecks.choices(ballot, List.of("a", "a"))));
        assertEquals("ballot.too-many-choices", code(() -> BallotChecks.choices(ballot, List.of("a", "b", "g1", "g2"))));
        assertEquals("ballot.too-many-in-category", code(() -> BallotChecks.choices(ballot, List.of("a", "b", "c"))));
        assertEquals("ballot.too-many-in-category", code(() -> BallotChecks.choices(ballot, List.of("g1", "g2"))));
    }

    @Test
    public void onlyAnOpenBallotTakesVotes() {
        BallotDTO open = ballot(1, Map.of());
        BallotChecks.requireOpen(open);
        BallotDTO scheduled = new BallotDTO(1, "core", "t", OPTIONS, OPENS, CLOSES, null, BallotStatus.SCHEDULED, true, null,
                null, 1, Map.of(), "u");
        BallotDTO closed = new BallotDTO(1, "core", "t", OPTIONS, OPENS, CLOSES, CLOSES, BallotStatus.CLOSED, true, null,
                null, 1, Map.of(), "u");
        assertEquals("ballot.not-open", code(() -> BallotChecks.requireOpen(scheduled)));
        assertEquals("ballot.closed", code(() -> BallotChecks.requireOpen(closed)));
        assertTrue(BallotRules.due(open, CLOSES));
    }

    @Test
    public void choicesAreStoredAtOneWidth() {
        String stored = BallotRules.encode(List.of(0, 7, 99));
        assertEquals(BallotRules.CHOICES_WIDTH, stored.length());
        assertEquals(BallotRules.CHOICES_WIDTH, BallotRules.encode(List.of()).length());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(i);
        }
        assertTrue("every choice of the largest ballot fits", BallotRules.encode(all).length() == BallotRules.CHOICES_WIDTH);
        assertEquals(List.of(0, 7, 99), BallotRules.decode(stored));
    }

    @Test
    public void receiptsAreRandomAndOnlyTheirDigestIsKept() {
        String one = BallotRules.newReceipt();
        assertNotEquals(one, BallotRules.newReceipt());
        assertEquals(43, one.length());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", BallotRules.digest("abc"));
        assertEquals(32, BallotRules.newSlotId().length());
    }

    @Test
    public void slotsAreToppedUpBeforeFewAreFree() {
        assertEquals(133, BallotRules.initialSlots(100));
        assertEquals(0, BallotRules.slotsToAdd(133, 40));
        assertEquals(66, BallotRules.slotsToAdd(133, 30));
        assertEquals(8, BallotRules.slotsToAdd(8, 7));
        assertEquals(List.of(2L, 0L, 1L), toList(BallotRules.count(3, List.of(List.of(0, 2), List.of(0), List.of()))));
    }

    private static List<Long> toList(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
