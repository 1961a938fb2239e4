package cn.edu.cumt.union.core.internal.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.RecordFormatException;
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

import cn.edu.cumt.union.api.table.TableException;

/**
 * Excel .xlsx, streamed in both directions so that 100,000 rows fit in little memory: SXSSF keeps
 * a window of rows when writing, the SAX event reader never builds the sheet when reading.
 */
final class XlsxTables {

    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    private static final int WINDOW = 200;

    /** POI's own default: an entry that inflates more than 100-fold is taken for a zip bomb. */
    private static final double MIN_INFLATE_RATIO = 0.01;

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

    /**
     * Reads the first sheet. The upload is copied to a temporary file first: POI reading from a
     * stream keeps every entry inflated in memory, from a file it inflates one entry at a time, and
     * each entry is bounded in size and compression ratio (zip bombs).
     */
    static List<List<String>> read(InputStream in, TableLimits limits) throws IOException {
        Path copy = Files.createTempFile("union-import-", ".xlsx");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return withPoiLoader(() -> readFile(copy, limits));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static List<List<String>> readFile(Path file, TableLimits limits) throws IOException {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(limits.maxUncompressedBytes());
        IOUtils.setByteArrayMaxOverride((int) Math.min(Integer.MAX_VALUE - 8, limits.maxUncompressedBytes()));
        RowCollector collector = new RowCollector(limits.collector());
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return List.<List<String>>of();
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDateFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
            return collector.table.rows();
        } catch (SAXException e) {
            if (e.getCause() instanceof TableException limit) {
                throw limit;
            }
            throw unreadable(e);
        } catch (LimitPassed e) {
            throw e.limit;
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TableException limit) {
                    throw limit;
                }
                // POI's zip-bomb guards (entry size, inflate ratio, byte-array size) say so in their message
                if (String.valueOf(cause.getMessage()).contains("Zip bomb") || cause instanceof RecordFormatException) {
                    throw TableException.tooLarge("uncompressed-bytes", limits.maxUncompressedBytes(), "解压后的字节数",
                            "uncompressed bytes (or a suspicious compression ratio)");
                }
            }
            throw unreadable(e);
        }
    }

    private static TableException unreadable(Exception e) {
        return TableException.unreadable("文件不是有效的 Excel 工作簿（.xlsx），请在 Excel 中另存为“Excel 工作簿”后重试",
                "The file is not a valid Excel workbook (.xlsx); save it from Excel as \"Excel Workbook\" and try again", e);
    }

    /** A limit passed inside POI's callbacks, which may not throw checked exceptions. */
    private static final class LimitPassed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient TableException limit;

        LimitPassed(TableException limit) {
            super(limit.getMessage(), null, false, false);
            this.limit = limit;
        }
    }

    /** Collects the cells of each row as text, filling the gaps Excel leaves for empty cells. */
    private static final class RowCollector implements SheetContentsHandler {
        private final TableLimits.Collector table;
        private List<String> current;

        RowCollector(TableLimits.Collector table) {
            this.table = table;
        }

        @Override
        public void startRow(int rowNum) {
            try {
                // a sheet may jump to row 1,000,000: checked before a single empty row is added
                table.padTo(rowNum);
            } catch (TableException e) {
                throw new LimitPassed(e);
            }
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            try {
                table.add(current);
            } catch (TableException e) {
                throw new LimitPassed(e);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            try {
                int column = reference == null ? current.size() : new CellReference(reference).getCol();
                // checked before the gap is filled: a cell at column XFD must not add 16,000 empty cells
                table.checkColumn(column);
                while (current.size() < column) {
                    current.add(table.cell(current.size(), ""));
                }
                current.add(table.cell(column, value == null ? "" : value.trim()));
            } catch (TableException e) {
                throw new LimitPassed(e);
            }
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
