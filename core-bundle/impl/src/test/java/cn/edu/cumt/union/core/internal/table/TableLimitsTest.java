package cn.edu.cumt.union.core.internal.table;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;

import cn.edu.cumt.union.api.table.TableException;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.TableRead;

/** Hostile tables: each is refused with the limit's name, never read into the heap. */
public class TableLimitsTest {

    private final TablesImpl tables = new TablesImpl();

    @Test
    public void anXlsxThatInflatesAThousandFoldIsAZipBomb() throws Exception {
        StringBuilder rows = new StringBuilder();
        String row = "<row><c t=\"inlineStr\"><is><t>" + "a".repeat(1000) + "</t></is></c></row>";
        while (rows.length() < 60_000_000) {
            rows.append(row);
        }
        byte[] bomb = xlsxWithSheet(rows);
        assertTrue("compressed " + bomb.length, bomb.length < 1_000_000);
        TableException refused = refused(TableFormat.XLSX, bomb, tables);
        assertEquals("uncompressed-bytes", refused.limit());
    }

    @Test
    public void anXlsxEntryLargerThanTheLimitIsRefusedEvenAtAnHonestRatio() throws Exception {
        Random random = new Random(7);
        StringBuilder rows = new StringBuilder();
        while (rows.length() < 3_000_000) {
            rows.append("<row><c t=\"inlineStr\"><is><t>").append(random.nextLong()).append("</t></is></c></row>");
        }
        TablesImpl small = new TablesImpl(new TableLimits(200_000, 100, 3_000_000, 4_000, 1024 * 1024));
        assertEquals("uncompressed-bytes", refused(TableFormat.XLSX, xlsxWithSheet(rows), small).limit());
    }

    @Test
    public void aSheetThatJumpsToRowAMillionIsRefusedBeforeAnyEmptyRowIsAdded() throws Exception {
        byte[] file = xlsxWithSheet(new StringBuilder(
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
                        + "<row r=\"1000000\"><c r=\"A1000000\" t=\"inlineStr\"><is><t>y</t></is></c></row>"));
        assertEquals("rows", refused(TableFormat.XLSX, file, tables).limit());
    }

    @Test
    public void aCellAtTheLastExcelColumnIsRefusedBeforeTheGapIsFilled() throws Exception {
        byte[] file = xlsxWithSheet(new StringBuilder("<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));
        assertEquals("columns", refused(TableFormat.XLSX, file, tables).limit());
    }

    @Test
    public void aCsvOfMillionsOfTinyCellsIsRefusedByCellCount() throws Exception {
        StringBuilder csv = new StringBuilder();
        String line = "a,".repeat(49) + "a\n";
        for (int i = 0; i < 70_000; i++) {
            csv.append(line); // 3.5 million cells in 7 MB
        }
        assertEquals("cells", refused(TableFormat.CSV, csv.toString().getBytes(StandardCharsets.UTF_8), tables).limit());
    }

    @Test
    public void csvRowsColumnsAndCellLengthHaveLimits() throws Exception {
        TablesImpl small = new TablesImpl(new TableLimits(3, 2, 100, 5, 1024));
        assertEquals("rows", refused(TableFormat.CSV, utf8("a\nb\nc\nd\n"), small).limit());
        assertEquals("columns", refused(TableFormat.CSV, utf8("a,b,c\n"), small).limit());
        assertEquals("cell-length", refused(TableFormat.CSV, utf8("a,123456\n"), small).limit());
        assertEquals(List.of(List.of("a", "b"), List.of("12345")), small.read(TableFormat.CSV,
                new ByteArrayInputStream(utf8("a,b\n12345\n"))));
    }

    /** What Excel and WPS save on Chinese Windows is read as such; the report can say which encoding it was. */
    @Test
    public void aGbkCsvIsReadAndSaysSo() throws Exception {
        byte[] gbk = "工号,姓名\n1001,王芳\n1002,李雷\n".getBytes(Charset.forName("GBK"));
        List<List<String>> expected = List.of(List.of("工号", "姓名"), List.of("1001", "王芳"), List.of("1002", "李雷"));
        TableRead undeclared = tables.read(TableFormat.CSV, new ByteArrayInputStream(gbk), null);
        assertEquals(expected, undeclared.rows());
        assertEquals("GB18030", undeclared.encoding());
        assertEquals("declared as GBK", expected, tables.read(TableFormat.CSV, new ByteArrayInputStream(gbk), "GBK").rows());
        assertEquals("UTF-8", tables.read(TableFormat.CSV, new ByteArrayInputStream(utf8("工号,姓名\n1001,王芳\n")), null).encoding());
        byte[] bom = ("\uFEFF工号,姓名\n1001,王芳\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("工号", "姓名"), tables.read(TableFormat.CSV, new ByteArrayInputStream(bom), null).rows().get(0));
        byte[] utf16 = ("\uFEFF工号,姓名\n1001,王芳\n").getBytes(StandardCharsets.UTF_16LE);
        assertEquals(List.of("1001", "王芳"), tables.read(TableFormat.CSV, new ByteArrayInputStream(utf16), null).rows().get(1));
        assertEquals("an .xlsx has no text encoding", null, tables.read(TableFormat.XLSX,
                new ByteArrayInputStream(xlsxOf("工号")), null).encoding());
    }

    /** A long ASCII head before the first Chinese cell, and a character cut at the end of the sample. */
    @Test
    public void theSampleDecidesOnlyOnWhatItHolds() throws Exception {
        StringBuilder text = new StringBuilder("staffNo,name\n");
        while (text.length() < CsvEncoding.SNIFF_BYTES - 1) {
            text.append("1001,abc\n");
        }
        byte[] utf8 = (text + "1002,王芳\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("UTF-8", tables.read(TableFormat.CSV, new ByteArrayInputStream(utf8), null).encoding());
        byte[] cut = new byte[CsvEncoding.SNIFF_BYTES];
        byte[] wang = "王".getBytes(StandardCharsets.UTF_8);
        java.util.Arrays.fill(cut, (byte) 'a');
        System.arraycopy(wang, 0, cut, cut.length - 2, 2); // two of its three bytes
        assertEquals(StandardCharsets.UTF_8, CsvEncoding.detect(cut, false));
        assertEquals("cut short at the end of the file: not UTF-8", CsvEncoding.GB18030, CsvEncoding.detect(cut, true));
    }

    /** A declaration is honoured: GBK bytes declared UTF-8 are refused with a hint, never read as mojibake. */
    @Test
    public void aFalseOrUnknownDeclarationIsRefused() throws Exception {
        byte[] gbk = "工号,姓名\n1001,王芳\n".getBytes(Charset.forName("GBK"));
        TableException refused = refusedRead(gbk, "UTF-8");
        assertEquals(TableException.Problem.UNREADABLE, refused.problem());
        assertTrue(refused.messageZh(), refused.messageZh().contains("UTF-8"));
        TableException unknown = refusedRead(gbk, "x-no-such-charset");
        assertTrue(unknown.messageZh(), unknown.messageZh().contains("字符集"));
    }

    private TableException refusedRead(byte[] file, String declared) throws Exception {
        try {
            TableRead read = tables.read(TableFormat.CSV, new ByteArrayInputStream(file), declared);
            fail("read " + read.rows());
            return null;
        } catch (TableException e) {
            return e;
        }
    }

    private static byte[] xlsxOf(String cell) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("S").createRow(0).createCell(0).setCellValue(cell);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    public void malformedFilesAreDescribedInTheSendersWordsNotTheParsers() throws Exception {
        TableException csv = refused(TableFormat.CSV, utf8("工号,姓名\n1001,\"王芳\n1002,李雷\n"), tables);
        assertEquals(TableException.Problem.UNREADABLE, csv.problem());
        assertTrue(csv.getMessage(), csv.getMessage().contains("line"));
        TableException xlsx = refused(TableFormat.XLSX, utf8("<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>"), tables);
        assertEquals(TableException.Problem.UNREADABLE, xlsx.problem());
        for (TableException e : List.of(csv, xlsx)) {
            for (String internal : List.of("IOException", "DOCTYPE", "feature", "record", "Exception")) {
                assertFalse(e.getMessage(), e.getMessage().contains(internal));
                assertFalse(e.messageZh(), e.messageZh().contains(internal));
            }
        }
    }

    private static TableException refused(TableFormat format, byte[] file, TablesImpl tables) throws Exception {
        try {
            List<List<String>> read = tables.read(format, new ByteArrayInputStream(file));
            fail("read " + read.size() + " rows");
            return null;
        } catch (TableException e) {
            return e;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A real workbook whose first sheet's rows are replaced by {@code rows}. */
    private static byte[] xlsxWithSheet(CharSequence rows) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("成员").createRow(0).createCell(0).setCellValue("x");
            workbook.write(plain);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                            .getBytes(StandardCharsets.UTF_8));
                    zip.write(rows.toString().getBytes(StandardCharsets.UTF_8));
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
