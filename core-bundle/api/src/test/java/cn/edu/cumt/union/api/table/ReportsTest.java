package cn.edu.cumt.union.api.table;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

/** The format a report is asked in; the download itself is proven through a plugin in StudyIT. */
public class ReportsTest {

    @Test
    public void jsonIsTheDefaultAndFilesAreCsvOrXlsx() {
        assertNull(Reports.format(null));
        assertNull(Reports.format(" "));
        assertNull(Reports.format("JSON"));
        assertEquals(TableFormat.CSV, Reports.format("csv"));
        assertEquals(TableFormat.XLSX, Reports.format(" XLSX "));
        try {
            Reports.format("pdf");
            fail("pdf is no report format");
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals("request.field-invalid", e.code());
        }
    }
}
