package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;

/** Care visits: kept by the member's unit and the union; done ones count for the indicator. */
public class VisitServiceTest extends WelfareTestBase {

    VisitService visits;

    @Before
    public void setUpVisits() {
        visits = new VisitService(jpa, directory, access, audit, clock);
    }

    @Test
    public void plannedThenDoneAndCountedPerUnit() {
        VisitDTO planned = visits.create(CS_ADMIN, new VisitEditDTO(203L, VisitCategory.SICK, TODAY, null, null, null, null, null));
        assertTrue(!planned.done());
        visits.create(UNION_ADMIN, new VisitEditDTO(207L, VisitCategory.VETERAN, TODAY, TODAY, "校工会主席", "慰问金",
                new BigDecimal("500"), null));
        WelfareIndicators indicators = new WelfareIndicators(visits);
        assertEquals(Map.of(20L, BigDecimal.ONE), indicators.figures(2026).get(WelfareIndicators.VISITS));
        VisitDTO done = visits.update(CS_ADMIN, planned.id(), new VisitEditDTO(203L, VisitCategory.SICK, TODAY, TODAY,
                "学院工会主席", "水果", new BigDecimal("200"), "住院慰问"));
        assertTrue(done.done());
        assertEquals(Map.of(10L, BigDecimal.ONE, 20L, BigDecimal.ONE), indicators.figures(2026).get(WelfareIndicators.VISITS));
        assertTrue(indicators.figures(2025).get(WelfareIndicators.VISITS).isEmpty());
        assertEquals("welfare.visits", indicators.indicators().get(0).code());
    }

    @Test
    public void anotherUnitsAdminNeitherSeesNorRecords() {
        VisitDTO visit = visits.create(CS_ADMIN, new VisitEditDTO(203L, VisitCategory.HOLIDAY_DUTY, TODAY, null, null, null, null, null));
        expect(404, "welfare.visit.not-found", () -> visits.get(MATH_ADMIN, visit.id()));
        expect(404, "welfare.member.not-found", () -> visits.create(MATH_ADMIN,
                new VisitEditDTO(203L, VisitCategory.SICK, TODAY, null, null, null, null, null)));
        assertEquals(0, visits.list(MATH_ADMIN, 2026, null, 0, 50).total());
        assertEquals(1, visits.list(CS_ADMIN, 2026, null, 0, 50).total());
        assertEquals(0, visits.list(MEMBER, 2026, null, 0, 50).total());
        expect(400, "request.field-missing", () -> visits.create(CS_ADMIN,
                new VisitEditDTO(203L, VisitCategory.SICK, TODAY, TODAY, null, null, null, null))); // who visited
        expect(400, "request.field-invalid", () -> visits.create(CS_ADMIN,
                new VisitEditDTO(203L, VisitCategory.SICK, TODAY, TODAY.plusDays(1), "x", null, null, null)));
    }
}
