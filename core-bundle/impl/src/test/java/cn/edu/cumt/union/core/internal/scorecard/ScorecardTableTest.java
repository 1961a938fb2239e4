package cn.edu.cumt.union.core.internal.scorecard;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.core.internal.table.TablesImpl;

/** The scorecard as a table: one text row per unit, an empty cell for a missing figure, .xlsx round trip. */
public class ScorecardTableTest {

    private static final ScorecardDTO CARD = new ScorecardDTO(2026, true, null, List.of(
            new ScorecardItemDTO("study.sessions", "学习次数", "Sessions held", "次", true, new BigDecimal("40.00"), BigDecimal.TEN),
            new ScorecardItemDTO("brand.grade", "等级", "Grade", "", true, new BigDecimal("60.00"), new BigDecimal("4"))),
            2, List.of(new ScorecardRowDTO(3, "B", "乙学院", new BigDecimal("84.00"), 1, List.of(
                    new ScorecardCellDTO("study.sessions", new BigDecimal("6"), new BigDecimal("24.00")),
                    new ScorecardCellDTO("brand.grade", new BigDecimal("4"), new BigDecimal("60.00"))))),
            List.of());

    @Test
    public void headerRowsAndAnXlsxRoundTrip() throws Exception {
        List<String> header = ScorecardResource.header(CARD);
        assertEquals(List.of("排名 Rank", "单位代码 Code", "单位 Unit", "学习次数（次） Sessions held", "学习次数 得分 Points",
                "等级 Grade", "等级 得分 Points", "总分 Score"), header);
        List<List<String>> rows = ScorecardResource.rows(CARD);
        assertEquals(List.of(List.of("1", "B", "乙学院", "6", "24.00", "4", "60.00", "84.00")), rows);

        List<ScorecardCellDTO> none = List.of(new ScorecardCellDTO("study.sessions", null, new BigDecimal("0.00")),
                new ScorecardCellDTO("brand.grade", null, new BigDecimal("0.00")));
        ScorecardDTO missing = new ScorecardDTO(2026, false, null, CARD.indicators(), 1,
                List.of(new ScorecardRowDTO(2, "A", "甲学院", new BigDecimal("0.00"), 1, none)), List.of());
        assertEquals(List.of("1", "A", "甲学院", "", "0.00", "", "0.00", "0.00"), ScorecardResource.rows(missing).get(0));

        TablesImpl tables = new TablesImpl();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.write(TableFormat.XLSX, "2026 考核 Scorecard", header, rows, out);
        List<List<String>> read = tables.read(TableFormat.XLSX, new ByteArrayInputStream(out.toByteArray()));
        assertEquals(header, read.get(0));
        assertEquals("text cells keep their decimals", rows.get(0), read.get(1));
    }
}
