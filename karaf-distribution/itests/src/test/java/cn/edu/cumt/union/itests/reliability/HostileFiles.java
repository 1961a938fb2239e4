package cn.edu.cumt.union.itests.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small uploads that would cost the server a lot if it believed them: an .xlsx whose sheet inflates
 * a thousand-fold, sheets that jump to row a million or column XFD, a CSV of millions of one-letter
 * cells, a GBK CSV. Each must be refused with a 4xx that names the limit, and quickly.
 */
final class HostileFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";

    static final String TOO_LARGE = "import.too-large";
    static final String UNREADABLE = "import.unreadable";

    /** One hostile file: what it is, its media type and query format, its bytes, the error code it must meet. */
    record File(String what, String format, String contentType, byte[] bytes, String expectedCode) {

        int expectedStatus() {
            return TOO_LARGE.equals(expectedCode) ? 413 : 400;
        }
    }

    private HostileFiles() {
    }

    static List<File> all() {
        StringBuilder bomb = new StringBuilder();
        String row = "<row><c t=\"inlineStr\"><is><t>" + "a".repeat(1000) + "</t></is></c></row>";
        while (bomb.length() < 60_000_000) {
            bomb.append(row);
        }
        StringBuilder cells = new StringBuilder();
        String line = "a,".repeat(49) + "a\n";
        for (int i = 0; i < 70_000; i++) {
            cells.append(line);
        }
        return List.of(
                new File("xlsx inflating 1000-fold", "xlsx", XLSX, xlsx(bomb), TOO_LARGE),
                new File("xlsx jumping to row 1,000,000", "xlsx", XLSX,
                        xlsx("<row r=\"1000000\"><c r=\"A1000000\" t=\"inlineStr\"><is><t>y</t></is></c></row>"), TOO_LARGE),
                new File("xlsx cell at column XFD", "xlsx", XLSX,
                        xlsx("<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), TOO_LARGE),
                new File("CSV of 3.5 million cells", "csv", CSV, cells.toString().getBytes(StandardCharsets.UTF_8), TOO_LARGE),
                new File("GBK CSV", "csv", CSV, "工号,姓名\n1001,王芳\n".getBytes(Charset.forName("GBK")), UNREADABLE),
                new File("CSV with an unclosed quote", "csv", CSV, "工号,姓名\n1001,\"王芳\n".getBytes(StandardCharsets.UTF_8), UNREADABLE));
    }

    /** The smallest workbook Excel and POI open, with {@code rows} as the sheet's data. */
    static byte[] xlsx(CharSequence rows) {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String packageRels = "http://schemas.openxmlformats.org/package/2006/relationships";
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"" + packageRels + "\"><Relationship Id=\"rId1\" Type=\"" + rel
                + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel
                + "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + packageRels + "\"><Relationship Id=\"rId1\" Type=\""
                + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>" + rows + "</sheetData></worksheet>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + part.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
