package cn.edu.cumt.union.core.internal.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Excel .xlsx, streamed in both directions so that 100,000 rows fit in little memory: SXSSF keeps
 * a window of rows when writing, the SAX event reader never builds the sheet when reading.
 */
final class XlsxTables {

    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    private static final int WINDOW = 200;

    /** POI refuses huge zip entries by default; a sheet of 100,000 members is well below this. */
    private static final int MAX_ENTRY_BYTES = 512 * 1024 * 1024;

    private XlsxTables() {
    }

    static void write(String sheetName, List<String> header, List<List<String>> rows, OutputStream out)
            throws IOException {
        withPoiLoader(() -> {
            SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
            try {
                String safeName = WorkbookUtil.createSafeSheetName(sheetName == null || sheetName.isBlank()
                        ? "Sheet1" : sheetName);
                SXSSFSheet sheet = workbook.createSheet(safeName);
                // Text cells, so that staff numbers such as 0012 keep their leading zeros in Excel.
                CellStyle text = workbook.createCellStyle();
                text.setDataFormat(workbook.createDataFormat().getFormat("@"));
                writeRow(sheet.createRow(0), header, text);
                int index = 1;
                for (List<String> row : rows) {
                    writeRow(sheet.createRow(index++), row, text);
                }
                workbook.write(out);
            } finally {
                workbook.dispose();
                workbook.close();
            }
            return null;
        });
    }

    private static void writeRow(Row row, List<String> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value != null && !value.isEmpty()) {
                Cell cell = row.createCell(i);
                cell.setCellStyle(style);
                cell.setCellValue(value);
            }
        }
    }

    static List<List<String>> read(InputStream in) throws IOException {
        return withPoiLoader(() -> {
            IOUtils.setByteArrayMaxOverride(MAX_ENTRY_BYTES);
            try (OPCPackage pkg = OPCPackage.open(in)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                StylesTable styles = reader.getStylesTable();
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return List.<List<String>>of();
                }
                RowCollector collector = new RowCollector();
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(
                            new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDateFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
                return collector.rows;
            } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
                throw new IOException("xlsx cannot be read: " + e.getMessage(), e);
            }
        });
    }

    /** Collects the cells of each row as text, filling the gaps Excel leaves for empty cells. */
    private static final class RowCollector implements SheetContentsHandler {
        private final List<List<String>> rows = new ArrayList<>();
        private List<String> current;

        @Override
        public void startRow(int rowNum) {
            while (rows.size() < rowNum) {
                rows.add(new ArrayList<>());
            }
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(current);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? current.size() : new CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value.trim());
        }
    }

    /** Formats dates as ISO yyyy-MM-dd whatever display format the sheet gave them. */
    private static final class IsoDateFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value, use1904Windowing);
                return LocalDate.from(date).toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private interface PoiWork<T> {
        T run() throws IOException;
    }

    /** POI and its XML libraries look classes up through the context class loader: point it at POI's bundle. */
    private static <T> T withPoiLoader(PoiWork<T> work) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SXSSFWorkbook.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
