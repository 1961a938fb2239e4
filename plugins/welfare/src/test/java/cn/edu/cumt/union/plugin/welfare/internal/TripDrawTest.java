package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Test;

/** Allocation when oversubscribed: priority tiers, then a draw that the recorded seed reproduces. */
public class TripDrawTest {

    private static List<TripDraw.Entry> signups() {
        List<TripDraw.Entry> entries = new ArrayList<>();
        entries.add(new TripDraw.Entry(7, 0, "model-worker"));
        entries.add(new TripDraw.Entry(3, 1, "front-line"));
        for (long id = 10; id < 20; id++) {
            entries.add(new TripDraw.Entry(id, 2, null));
        }
        return entries;
    }

    @Test
    public void priorityTiersGoFirstThenTheDrawFillsThePlaces() {
        List<TripDraw.Outcome> outcomes = TripDraw.allocate(signups(), 5, 42L, 10L);
        assertEquals(12, outcomes.size());
        assertEquals(7, outcomes.get(0).memberId());
        assertEquals(3, outcomes.get(1).memberId());
        assertEquals(5, outcomes.stream().filter(TripDraw.Outcome::selected).count());
        assertTrue(outcomes.get(0).reason(), outcomes.get(0).reason().contains("model-worker"));
        assertTrue(outcomes.get(0).reason(), outcomes.get(0).reason().contains("同档全部在名额内入选"));
        TripDraw.Outcome drawnIn = outcomes.get(2);
        assertTrue(drawnIn.selected());
        assertTrue(drawnIn.reason(), drawnIn.reason().contains("抽签第 1 位") && drawnIn.reason().contains("种子 42"));
        TripDraw.Outcome drawnOut = outcomes.get(11);
        assertTrue(!drawnOut.selected() && drawnOut.reason().contains("未入选"));
        for (int i = 0; i < outcomes.size(); i++) {
            assertEquals(i + 1, outcomes.get(i).position());
        }
    }

    @Test
    public void theSameSeedGivesTheSameListWhateverTheOrderOfSignUps() {
        List<TripDraw.Entry> reversed = new ArrayList<>(signups());
        java.util.Collections.reverse(reversed);
        assertEquals(TripDraw.allocate(signups(), 5, 123456789L, 10L), TripDraw.allocate(reversed, 5, 123456789L, 10L));
        List<Long> one = selected(TripDraw.allocate(signups(), 5, 1L, 10L));
        boolean anotherSeedDiffers = false;
        for (long seed = 2; seed < 12 && !anotherSeedDiffers; seed++) {
            anotherSeedDiffers = !one.equals(selected(TripDraw.allocate(signups(), 5, seed, 10L)));
        }
        assertTrue("the seed decides the draw", anotherSeedDiffers);
        assertNotEquals("units draw apart", TripDraw.allocate(signups(), 5, 1L, 10L), TripDraw.allocate(signups(), 5, 1L, 20L));
    }

    @Test
    public void withinThePlacesEveryoneGoesAndAFullHigherTierLeavesNoDraw() {
        List<TripDraw.Outcome> all = TripDraw.allocate(signups(), 12, 9L, 10L);
        assertTrue(all.stream().allMatch(TripDraw.Outcome::selected));
        assertTrue(all.get(0).reason(), all.get(0).reason().contains("未超过名额"));
        List<TripDraw.Outcome> one = TripDraw.allocate(signups(), 1, 9L, 10L);
        assertEquals(7, one.get(0).memberId());
        assertTrue(one.get(1).reason(), one.get(1).reason().contains("名额已由更高优先档占满"));
    }

    @Test
    public void theTierIsTheFirstPriorityHeld() {
        assertEquals(0, TripDraw.tier(List.of("model-worker", "veteran"), Set.of("veteran", "model-worker")));
        assertEquals(1, TripDraw.tier(List.of("model-worker", "veteran"), Set.of("veteran")));
        assertEquals(2, TripDraw.tier(List.of("model-worker", "veteran"), Set.of("female")));
        assertEquals(0, TripDraw.tier(List.of(), Set.of("female")));
    }

    private static List<Long> selected(List<TripDraw.Outcome> outcomes) {
        return outcomes.stream().filter(TripDraw.Outcome::selected).map(TripDraw.Outcome::memberId).toList();
    }
}
