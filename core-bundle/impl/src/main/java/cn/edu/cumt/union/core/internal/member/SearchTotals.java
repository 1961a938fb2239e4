package cn.edu.cumt.union.core.internal.member;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The totals of recent member searches. Counting every match is most of what a search page costs (Derby
 * reads and locks each matching index entry), and paging through one search asks the same count again and
 * again. A total is forgotten when members change through {@link MemberService} and, for writers that do
 * not tell us (demo data, a second node), after {@link #TTL_SECONDS} seconds.
 */
final class SearchTotals {

    static final int SIZE = 512;
    static final long TTL_SECONDS = 10;

    private record Entry(long total, long generation, long at) {
    }

    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > SIZE;
        }
    };

    SearchTotals(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Read before counting: a total counted while members change is then never reused. */
    long generation() {
        return generation.get();
    }

    /** Members changed: every remembered total is stale. */
    void changed() {
        generation.incrementAndGet();
    }

    /** @return the remembered total of this search, or -1 */
    synchronized long get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return -1;
        }
        if (entry.generation != generation.get()
                || nanoTime.getAsLong() - entry.at > TimeUnit.SECONDS.toNanos(TTL_SECONDS)) {
            entries.remove(key);
            return -1;
        }
        return entry.total;
    }

    /** Remembers a total counted after {@link #generation()} returned {@code countedAt}. */
    synchronized void put(String key, long countedAt, long total) {
        if (countedAt == generation.get()) {
            entries.put(key, new Entry(total, countedAt, nanoTime.getAsLong()));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
