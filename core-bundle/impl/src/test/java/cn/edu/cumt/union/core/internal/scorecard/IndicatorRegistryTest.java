package cn.edu.cumt.union.core.internal.scorecard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.core.internal.config.LiveConfig;
import cn.edu.cumt.union.testing.FakeDirectory;
import cn.edu.cumt.union.testing.FakeIndicatorSource;

public class IndicatorRegistryTest {

    private final FakeDirectory directory = new FakeDirectory();
    private final IndicatorRegistry registry = new IndicatorRegistry(directory, 300);

    @After
    public void stop() {
        registry.deactivate();
    }

    private static FakeIndicatorSource study() {
        return new FakeIndicatorSource().indicator("study.sessions", "学习次数", "Sessions", "次", true)
                .figure(2026, "study.sessions", 1, "4").figure(2026, "study.sessions", 2, "7");
    }

    private static FakeIndicatorSource brand() {
        return new FakeIndicatorSource().indicator("brand.grade", "等级", "Grade", "级", true)
                .figure(2026, "brand.grade", 1, "3");
    }

    @Test
    public void everyInstalledSourceCountsAndARemovedOneIsMissing() {
        registry.add(10, "study", null, study());
        registry.add(11, "brand", null, brand());
        assertEquals(List.of("study.sessions", "brand.grade"),
                registry.catalogue().list().stream().map(IndicatorDTO::code).toList());
        IndicatorRegistry.Figures figures = registry.figures(2026, List.of("study.sessions", "brand.grade"));
        assertEquals(new BigDecimal("7"), figures.values().get("study.sessions").get(2L));
        assertEquals(new BigDecimal("3"), figures.values().get("brand.grade").get(1L));
        assertTrue(figures.missing().isEmpty());

        registry.remove(11);
        figures = registry.figures(2026, List.of("study.sessions", "brand.grade"));
        assertEquals(new BigDecimal("4"), figures.values().get("study.sessions").get(1L));
        assertFalse(figures.values().containsKey("brand.grade"));
        assertEquals(List.of("brand.grade"), figures.missing().stream().map(MissingDTO::code).toList());
        assertTrue(figures.missing().get(0).reason(), figures.missing().get(0).reason().contains("no installed plugin"));
    }

    @Test
    public void aFailingSourceIsMissingAndTheOthersStillAnswer() {
        FakeIndicatorSource failing = brand();
        registry.add(10, "study", null, study());
        registry.add(11, "brand", null, failing);
        registry.catalogue();
        failing.failWith(new IllegalStateException("database gone"));
        IndicatorRegistry.Catalogue catalogue = registry.catalogue();
        assertEquals(List.of("study.sessions"), catalogue.list().stream().map(IndicatorDTO::code).toList());
        assertEquals("brand", catalogue.missing().get(0).code());
        assertTrue(catalogue.missing().get(0).reason().contains("IllegalStateException"));
        assertFalse("no internals in the reason", catalogue.missing().get(0).reason().contains("database gone"));
        IndicatorRegistry.Figures figures = registry.figures(2026, List.of("study.sessions", "brand.grade"));
        assertEquals(2, figures.values().get("study.sessions").size());
        assertEquals(List.of("brand.grade"), figures.missing().stream().map(MissingDTO::code).toList());
        assertTrue(figures.missing().get(0).reason(), figures.missing().get(0).reason().contains("the plugin failed"));
    }

    @Test
    public void aSlowSourceIsCutOffAtTheLimitAndTheOthersStillAnswer() {
        registry.add(10, "study", null, study().delay(Duration.ofSeconds(20)));
        registry.add(11, "brand", null, brand());
        long start = System.nanoTime();
        IndicatorRegistry.Figures figures = registry.figures(2026, List.of("study.sessions", "brand.grade"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue("took " + millis + " ms", millis < 3_000);
        assertEquals(new BigDecimal("3"), figures.values().get("brand.grade").get(1L));
        assertEquals(List.of("study.sessions"), figures.missing().stream().map(MissingDTO::code).toList());
        assertTrue(figures.missing().get(0).reason(), figures.missing().get(0).reason().contains("300 ms"));
    }

    @Test
    public void aSourceThatIgnoresTheInterruptIsNotCalledAgainWhileItHangs() {
        FakeIndicatorSource stubborn = study().stubbornDelay(Duration.ofSeconds(3));
        registry.add(10, "study", null, stubborn);
        registry.add(11, "brand", null, brand());
        assertTrue(registry.figures(2026, List.of("study.sessions")).missing().get(0).reason().contains("300 ms"));
        for (int i = 0; i < 5; i++) {
            IndicatorRegistry.Figures figures = registry.figures(2026, List.of("study.sessions", "brand.grade"));
            assertTrue(figures.missing().toString(), figures.missing().get(0).reason().contains("still busy"));
            assertEquals(new BigDecimal("3"), figures.values().get("brand.grade").get(1L));
        }
        assertEquals("one hanging call, not six", 1, stubborn.figureCalls());
    }

    @Test
    public void aPluginCannotPublishUnderAnotherPluginsNameOrTakeACodeTwice() {
        registry.add(10, "study", null, study());
        FakeIndicatorSource intruder = new FakeIndicatorSource()
                .indicator("study.sessions", "冒名", "Impostor", "", true)
                .indicator("brand.grade", "冒名", "Impostor", "", true)
                .indicator("rogue.Bad Code", "坏", "Bad", "", true)
                .indicator("rogue.blank", " ", "Blank", "", true)
                .indicator("rogue.ok", "正常", "Fine", "", false)
                .figure(2026, "study.sessions", 1, "999").figure(2026, "rogue.ok", 1, "2");
        registry.add(11, "rogue", null, intruder);
        IndicatorRegistry.Catalogue catalogue = registry.catalogue();
        assertEquals(List.of("study.sessions", "rogue.ok"), catalogue.list().stream().map(IndicatorDTO::code).toList());
        assertEquals(List.of("study.sessions", "brand.grade", "rogue.Bad Code", "rogue.blank"),
                catalogue.missing().stream().map(MissingDTO::code).toList());
        IndicatorRegistry.Figures figures = registry.figures(2026, List.of("study.sessions", "rogue.ok"));
        assertEquals("study's own figure, not the intruder's", new BigDecimal("4"),
                figures.values().get("study.sessions").get(1L));
        assertEquals(new BigDecimal("2"), figures.values().get("rogue.ok").get(1L));
    }

    @Test
    public void aUnitsOwnPluginCountsOnlyForThatUnitAndItsGroups() {
        directory.unit(1, "CUMT", "校工会", null);
        directory.unit(2, "MINE", "矿业学院", 1L);
        directory.group(3, "MINE-G1", "矿业学院一组", 2);
        directory.unit(4, "CS", "计算机学院", 1L);
        registry.add(10, "familyday", "MINE", new FakeIndicatorSource()
                .indicator("familyday.events", "活动", "Events", "次", true)
                .figure(2026, "familyday.events", 2, "3").figure(2026, "familyday.events", 3, "1")
                .figure(2026, "familyday.events", 4, "100").figure(2026, "familyday.events", 1, "100"));
        registry.add(11, "ghost", "GONE", new FakeIndicatorSource().indicator("ghost.x", "幽灵", "Ghost", "", true)
                .figure(2026, "ghost.x", 2, "1"));
        IndicatorRegistry.Figures figures = registry.figures(2026, List.of("familyday.events", "ghost.x"));
        assertEquals(Map.of(2L, new BigDecimal("3"), 3L, BigDecimal.ONE), figures.values().get("familyday.events"));
        assertEquals("an owner unit that does not exist owns nothing", Map.of(), figures.values().get("ghost.x"));
    }

    @Test
    public void theTimeLimitChangesInPlaceAndABadValueKeepsTheOldOne() {
        registry.modified(LiveConfig.of(IndicatorRegistry.Config.class,
                Map.of("source_timeout_millis", 1200L)));
        assertEquals(1200, registry.timeoutMillis());
        registry.modified(LiveConfig.of(IndicatorRegistry.Config.class,
                Map.of("source_timeout_millis", 0L)));
        assertEquals(1200, registry.timeoutMillis());
        IndicatorRegistry defaults = new IndicatorRegistry(directory,
                LiveConfig.of(IndicatorRegistry.Config.class, Map.of("source_timeout_millis", -5L)));
        assertEquals("an invalid start value gives the default", 5_000, defaults.timeoutMillis());
        defaults.deactivate();
    }

    @Test
    public void nullsFromASourceAreIgnoredNotFatal() {
        registry.add(10, "study", null, new IndicatorSourceReturningNulls());
        IndicatorRegistry.Figures figures = registry.figures(2026, List.of("study.sessions"));
        assertEquals(Map.of(1L, BigDecimal.ONE), figures.values().get("study.sessions"));
    }

    /** Returns a null value and a null unit beside a good figure. */
    private static final class IndicatorSourceReturningNulls implements cn.edu.cumt.union.api.indicator.IndicatorSource {
        @Override
        public List<IndicatorDTO> indicators() {
            return List.of(new IndicatorDTO("study.sessions", "学习次数", "Sessions", "次", true));
        }

        @Override
        public Map<String, Map<Long, BigDecimal>> figures(int year) {
            Map<Long, BigDecimal> values = new java.util.HashMap<>();
            values.put(1L, BigDecimal.ONE);
            values.put(2L, null);
            values.put(null, BigDecimal.TEN);
            return Map.of("study.sessions", values);
        }
    }
}
