package cn.edu.cumt.union.plugin.brand.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;

/** Brand's yearly figures for the scorecard: the grade of the unit's project and how far it got. */
public class BrandIndicatorsTest extends BrandTestBase {

    @Test
    public void gradeAndStageOfEachUnitsProjectOfTheYear() {
        long withdrawn = apply(10, "先撤回").project().id();
        brand.withdraw(CS_ADMIN, withdrawn);
        long id = approved(10, "结项", "1000");
        brand.inspect(UNION_ADMIN, id, new InspectionEditDTO(TODAY, "按计划推进", InspectionRating.SATISFACTORY));
        brand.evaluate(UNION_ADMIN, id, new EvaluationEditDTO(92, 88, 80, 70, null)); // 82.50, 良好
        apply(20, "刚申报");
        approved(30, "已立项", "500");

        BrandIndicators indicators = new BrandIndicators(jpa, null);
        assertEquals(List.of("brand.grade", "brand.stage"), indicators.indicators().stream().map(IndicatorDTO::code).toList());
        Map<String, Map<Long, BigDecimal>> figures = indicators.figures(2026);
        assertEquals("the withdrawn project does not count", Map.of(10L, BigDecimal.valueOf(3)), figures.get(BrandIndicators.GRADE));
        assertEquals(Map.of(10L, BigDecimal.valueOf(3), 20L, BigDecimal.ONE, 30L, BigDecimal.valueOf(2)),
                figures.get(BrandIndicators.STAGE));
        assertTrue(indicators.figures(2025).get(BrandIndicators.STAGE).isEmpty());
    }

    @Test
    public void gradesRankFromExcellentDown() {
        assertEquals(List.of(4, 3, 2, 1), EnumSet.allOf(BrandGrade.class).stream().map(BrandIndicators::grade).toList());
    }
}
