package cn.edu.cumt.union.plugin.study.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;

/** Study's yearly figures for the scorecard: sessions held per unit union and its attendance rate. */
public class StudyIndicatorsTest extends StudyTestBase {

    private StudyIndicators indicators() {
        return new StudyIndicators(study, jpa, directory, clock);
    }

    @Test
    public void codesAreStudysOwn() {
        assertEquals(List.of("study.sessions", "study.attendance-rate"),
                indicators().indicators().stream().map(IndicatorDTO::code).toList());
        assertTrue(indicators().indicators().stream().allMatch(IndicatorDTO::higherIsBetter));
    }

    @Test
    public void sessionsHeldCountForTheOrganisersUnitUnionInTheYearAndByNow() {
        study.create(UNION_ADMIN, edit("院里", T0, 10, List.of(10L)));
        study.create(UNION_ADMIN, edit("小组", T0, 11, List.of(11L))); // group 11 is in unit 10
        study.create(UNION_ADMIN, edit("数学", T0, 20, List.of(20L)));
        study.create(UNION_ADMIN, edit("校级", T0, 1, List.of()));
        study.create(UNION_ADMIN, edit("明天的", T0.plus(Duration.ofDays(1)), 20, List.of(20L)));
        study.create(UNION_ADMIN, edit("去年的", T0.minus(Duration.ofDays(365)), 20, List.of(20L)));
        clock.now = T0.plusSeconds(60);

        Map<Long, BigDecimal> held = indicators().figures(2026).get(StudyIndicators.SESSIONS);
        assertEquals(Map.of(10L, BigDecimal.valueOf(2), 20L, BigDecimal.ONE), held);
        assertEquals(Map.of(20L, BigDecimal.ONE), indicators().figures(2025).get(StudyIndicators.SESSIONS));
    }

    @Test
    public void attendanceRateIsPerCentOfTheYearsReportAndAbsentWhenNothingWasExpected() {
        StudySessionDTO cs = create("计算机学院", T0, List.of(20L)); // expects 103 and 105
        clock.now = T0;
        study.checkIn(member(103), cs.id(), code(cs));
        create("明天", T0.plus(Duration.ofDays(1)), List.of(10L));

        Map<Long, BigDecimal> rates = indicators().figures(2026).get(StudyIndicators.ATTENDANCE);
        assertEquals(Map.of(20L, new BigDecimal("50.0")), rates);
        assertFalse("nothing expected of unit 10 yet", rates.containsKey(10L));
        assertTrue(indicators().figures(2027).get(StudyIndicators.ATTENDANCE).isEmpty());
    }
}
