package cn.edu.cumt.union.plugin.welfare.internal;

import java.util.List;

/**
 * The small-cell rule of every welfare figure: a count below {@link #MIN} is never shown, not even 0
 * (showing 0 but hiding 1-4 would tell), and a total is shown only when no row under it was hidden,
 * so that a total less the rows shown never gives a hidden count back. Pure functions.
 */
final class SmallCells {

    /** The smallest count ever shown. */
    static final int MIN = 5;
    static final String BAND = "<5";
    static final String BAND_HIDDEN_TOTAL = "≥5";

    private SmallCells() {
    }

    static boolean hidden(long count) {
        return count < MIN;
    }

    /** @return whether a total over these rows may be shown */
    static boolean totalShown(List<Long> rows) {
        long total = rows.stream().mapToLong(Long::longValue).sum();
        return !hidden(total) && rows.stream().noneMatch(SmallCells::hidden);
    }

    /** The count as shown: itself, or its band. */
    static String shown(long count) {
        return hidden(count) ? BAND : String.valueOf(count);
    }

    /** A total as shown: itself, {@code <5}, or {@code ≥5} when a hidden row under it would be given away. */
    static String shownTotal(List<Long> rows) {
        long total = rows.stream().mapToLong(Long::longValue).sum();
        if (hidden(total)) {
            return BAND;
        }
        return totalShown(rows) ? String.valueOf(total) : BAND_HIDDEN_TOTAL;
    }
}
