package cn.edu.cumt.union.core.internal.table;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;

import cn.edu.cumt.union.api.table.TableFormat;

public class TablesImplTest {

    private final TablesImpl tables = new TablesImpl();
    private final List<String> header = List.of("工号", "姓名", "备注");
    private final List<List<String>> rows = List.of(Arrays.asList("0012", "王芳", "含,逗号 \"引号\""),
            Arrays.asList("1002", null, "换\n行"));

    @Test
    public void csvStartsWithABomAndRoundTrips() throws Exception {
        byte[] bytes = write(TableFormat.CSV);
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(bytes, 3));
        List<List<String>> read = tables.read(TableFormat.CSV, new ByteArrayInputStream(bytes));
        assertEquals(header, read.get(0));
        assertEquals(List.of("0012", "王芳", "含,逗号 \"引号\""), read.get(1));
        assertEquals(List.of("1002", "", "换\n行"), read.get(2));
    }

    @Test
    public void formulaLikeCellsOpenAsTextAndComeBackAsTheyWere() throws Exception {
        List<String> hostile = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\",\"点我\")", "+86 139 0000 0000", "-5", "@SUM(A1)",
                "\t=1", "'=already quoted", "''+two", "plain", "'plain apostrophe", "a=b");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.write(TableFormat.CSV, "成员", List.of("值"), hostile.stream().map(List::of).toList(), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        for (String line : csv.substring(1).split("\r\n")) {
            String cell = line.startsWith("\"") ? line.substring(1) : line;
            // no cell a spreadsheet opens as a formula
            org.junit.Assert.assertFalse(line, cell.matches("(?s)[=+\\-@\t\r].*"));
        }
        List<List<String>> read = tables.read(TableFormat.CSV, new ByteArrayInputStream(out.toByteArray()));
        for (int i = 0; i < hostile.size(); i++) {
            String expected = hostile.get(i);
            assertEquals(expected, read.get(i + 1).get(0));
        }
    }

    @Test
    public void xlsxWritesFormulaLikeValuesAsTextCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.write(TableFormat.XLSX, "成员", List.of("值"), List.of(List.of("=HYPERLINK(\"http://evil\")"), List.of("+1")), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (int r = 1; r <= 2; r++) {
                org.apache.poi.ss.usermodel.Cell cell = workbook.getSheetAt(0).getRow(r).getCell(0);
                assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, cell.getCellType());
            }
            assertEquals("=HYPERLINK(\"http://evil\")", workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    public void csvWithoutBomIsRead() throws Exception {
        List<List<String>> read = tables.read(TableFormat.CSV,
                new ByteArrayInputStream("工号,姓名\n 1001 ,王芳\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(List.of("工号", "姓名"), List.of("1001", "王芳")), read);
    }

    @Test
    public void xlsxRoundTripsKeepingLeadingZeros() throws Exception {
        List<List<String>> read = tables.read(TableFormat.XLSX, new ByteArrayInputStream(write(TableFormat.XLSX)));
        assertEquals(header, read.get(0));
        assertEquals(List.of("0012", "王芳", "含,逗号 \"引号\""), read.get(1));
        assertEquals(List.of("1002", "", "换\n行"), read.get(2));
    }

    @Test
    public void xlsxDatesAndNumbersComeBackAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("成员");
            sheet.createRow(0).createCell(0).setCellValue("出生日期");
            sheet.getRow(0).createCell(1).setCellValue("工号");
            Row row = sheet.createRow(2); // row 2 left empty on purpose
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            row.createCell(0).setCellValue(LocalDate.of(1985, 3, 2));
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(2001);
            workbook.write(out);
        }
        List<List<String>> read = tables.read(TableFormat.XLSX, new ByteArrayInputStream(out.toByteArray()));
        assertEquals(3, read.size());
        assertEquals(List.of(), read.get(1));
        assertEquals(List.of("1985-03-02", "2001"), read.get(2));
    }

    @Test(expected = java.io.IOException.class)
    public void garbageIsAnIoException() throws Exception {
        tables.read(TableFormat.XLSX, new ByteArrayInputStream("not a workbook".getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] write(TableFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.write(format, "会员", header, rows, out);
        return out.toByteArray();
    }
}
