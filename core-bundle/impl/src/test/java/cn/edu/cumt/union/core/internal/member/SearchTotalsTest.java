package cn.edu.cumt.union.core.internal.member;

import static org.junit.Assert.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class SearchTotalsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SearchTotals totals = new SearchTotals(now::get);

    @Test
    public void aTotalIsReusedUntilMembersChange() {
        totals.put("王", totals.generation(), 1039);
        assertEquals(1039, totals.get("王"));
        assertEquals(-1, totals.get("李"));
        totals.changed();
        assertEquals(-1, totals.get("王"));
    }

    @Test
    public void aTotalCountedWhileMembersChangedIsNotKept() {
        long before = totals.generation();
        totals.changed(); // a write committed between reading the generation and storing the count
        totals.put("王", before, 1039);
        assertEquals(-1, totals.get("王"));
    }

    @Test
    public void aTotalExpires() {
        totals.put("王", totals.generation(), 7);
        now.addAndGet(TimeUnit.SECONDS.toNanos(SearchTotals.TTL_SECONDS));
        assertEquals(7, totals.get("王"));
        now.incrementAndGet();
        assertEquals(-1, totals.get("王"));
    }

    @Test
    public void theLeastRecentlyUsedTotalIsDropped() {
        for (int i = 0; i < SearchTotals.SIZE; i++) {
            totals.put("q" + i, totals.generation(), i);
        }
        assertEquals(0, totals.get("q0")); // now the most recently used
        totals.put("new", totals.generation(), 1);
        assertEquals(SearchTotals.SIZE, totals.size());
        assertEquals(0, totals.get("q0"));
        assertEquals(-1, totals.get("q1"));
    }
}
