package cn.edu.cumt.union.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.api.indicator.IndicatorSource;

/**
 * An {@link IndicatorSource} for unit tests: the indicators and figures it is given, and on demand one
 * that fails or answers late, to see the scorecard cope. Thread-safe.
 */
public final class FakeIndicatorSource implements IndicatorSource {

    private final List<IndicatorDTO> indicators = new ArrayList<>();
    private final Map<Integer, Map<String, Map<Long, BigDecimal>>> figures = new ConcurrentHashMap<>();
    private volatile RuntimeException failure;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean stubborn;
    private final AtomicInteger figureCalls = new AtomicInteger();

    /** Declares an indicator (code {@code <plugin-id>.<name>}). */
    public synchronized FakeIndicatorSource indicator(String code, String labelZh, String labelEn, String unitOfMeasure,
            boolean higherIsBetter) {
        indicators.add(new IndicatorDTO(code, labelZh, labelEn, unitOfMeasure, higherIsBetter));
        return this;
    }

    /** Sets one unit's figure of one indicator for a year. */
    public FakeIndicatorSource figure(int year, String code, long unitId, String value) {
        figures.computeIfAbsent(year, y -> new ConcurrentHashMap<>()).computeIfAbsent(code, c -> new ConcurrentHashMap<>())
                .put(unitId, new BigDecimal(value));
        return this;
    }

    /** Every later call throws this ({@code null}: answers again). */
    public FakeIndicatorSource failWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /** Every later call of {@link #figures} first waits this long. */
    public FakeIndicatorSource delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Every later call of {@link #figures} first waits this long and goes on waiting when interrupted. */
    public FakeIndicatorSource stubbornDelay(Duration delay) {
        this.delay = delay;
        this.stubborn = true;
        return this;
    }

    /** @return how many calls of {@link #figures} have started */
    public int figureCalls() {
        return figureCalls.get();
    }

    @Override
    public synchronized List<IndicatorDTO> indicators() {
        RuntimeException current = failure;
        if (current != null) {
            throw current;
        }
        return List.copyOf(indicators);
    }

    @Override
    public Map<String, Map<Long, BigDecimal>> figures(int year) {
        RuntimeException current = failure;
        if (current != null) {
            throw current;
        }
        figureCalls.incrementAndGet();
        long until = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); left > 0; left = until - System.nanoTime()) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                if (!stubborn) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        return Map.copyOf(figures.getOrDefault(year, Map.of()));
    }
}
