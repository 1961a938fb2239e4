package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** The small-cell rule on its own. */
public class SmallCellsTest {

    @Test
    public void belowFiveIsBandedZeroIncluded() {
        for (long n = 0; n < 5; n++) {
            assertEquals("<5", SmallCells.shown(n));
            assertTrue(SmallCells.hidden(n));
        }
        assertEquals("5", SmallCells.shown(5));
        assertFalse(SmallCells.hidden(5));
    }

    @Test
    public void aTotalIsShownOnlyWhenNoRowUnderItIsHidden() {
        assertEquals("17", SmallCells.shownTotal(List.of(5L, 12L)));
        assertEquals("≥5", SmallCells.shownTotal(List.of(5L, 12L, 0L)));
        assertEquals("≥5", SmallCells.shownTotal(List.of(3L, 3L)));
        assertEquals("<5", SmallCells.shownTotal(List.of(1L, 3L)));
        assertEquals("<5", SmallCells.shownTotal(List.of()));
        assertFalse(SmallCells.totalShown(List.of(7L, 4L)));
        assertTrue(SmallCells.totalShown(List.of(7L, 5L)));
    }
}
