package cn.edu.cumt.union.plugin.welfare.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * 名额分配 of one unit's sign-ups when they are more than its places: priority tiers first (the first
 * priority category a member held at sign-up; none is the last tier), then, inside a tier, a draw from
 * the recorded seed. The same sign-ups, seed and places always give the same list (java.util.Random's
 * sequence is fixed by its specification). Pure functions.
 */
final class TripDraw {

    /** One sign-up as the draw sees it. */
    record Entry(long memberId, int tier, String category) {
    }

    /** One outcome: the 1-based position in the drawn order, whether within the places, and why. */
    record Outcome(long memberId, int position, boolean selected, String reason) {
    }

    private TripDraw() {
    }

    static List<Outcome> allocate(List<Entry> signups, int places, long seed, long unitId) {
        List<Entry> order = new ArrayList<>(signups);
        order.sort(Comparator.comparingLong(Entry::memberId));
        if (order.size() <= places) {
            List<Outcome> all = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                all.add(new Outcome(order.get(i).memberId(), i + 1, true,
                        "报名人数（" + order.size() + "）未超过名额（" + places + "），全部入选 / sign-ups within the places"));
            }
            return all;
        }
        // one stream per unit, so that units do not shift each other's draw
        Collections.shuffle(order, new Random(seed ^ (unitId * 0x9E3779B97F4A7C15L)));
        order.sort(Comparator.comparingInt(Entry::tier)); // stable: the draw orders each tier
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Entry entry = order.get(i);
            int position = i + 1;
            boolean selected = position <= places;
            int tierFirst = firstOfTier(order, entry.tier());
            int tierLast = lastOfTier(order, entry.tier());
            String tier = entry.category() == null ? "无优先类别 no priority category"
                    : "优先类别 " + entry.category() + " / priority category " + entry.category();
            String reason;
            if (selected && tierLast <= places) {
                reason = tier + "：同档全部在名额内入选 / the whole tier fits the places";
            } else if (!selected && tierFirst > places) {
                reason = tier + "：名额已由更高优先档占满 / places taken by higher tiers";
            } else {
                reason = tier + "：同档抽签第 " + (position - tierFirst + 1) + " 位，名额 " + places + "，种子 " + seed
                        + (selected ? "，入选 / drawn within the places" : "，未入选 / drawn beyond the places");
            }
            outcomes.add(new Outcome(entry.memberId(), position, selected, reason));
        }
        return outcomes;
    }

    private static int firstOfTier(List<Entry> order, int tier) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).tier() == tier) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int lastOfTier(List<Entry> order, int tier) {
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i).tier() == tier) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The tier of a member holding these categories: the index of the first priority category held, or the count for none. */
    static int tier(List<String> priorities, java.util.Set<String> held) {
        for (int i = 0; i < priorities.size(); i++) {
            if (held != null && held.contains(priorities.get(i))) {
                return i;
            }
        }
        return priorities.size();
    }
}
