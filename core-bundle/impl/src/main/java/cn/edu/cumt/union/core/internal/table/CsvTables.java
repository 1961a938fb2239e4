package cn.edu.cumt.union.core.internal.table;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import cn.edu.cumt.union.api.table.TableException;

/**
 * UTF-8 CSV: written with a byte-order mark (Excel needs it for Chinese), read with or without one.
 *
 * <p>A cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @},
 * tab or carriage return first, as OWASP lists them) is written with a leading apostrophe, so a
 * member named {@code =HYPERLINK(…)} opens as text for the administrator who exports everyone. To
 * keep every value as it was on re-import, a value that already starts with apostrophes before one
 * of those characters gets one more, and reading takes one away from such a cell.
 */
final class CsvTables {

    private static final char BOM = '\uFEFF';
    /** apostrophes (any number) then a character a spreadsheet starts a formula with */
    private static final java.util.regex.Pattern FORMULA_LIKE = java.util.regex.Pattern.compile("'*[=+\\-@\t\r].*", java.util.regex.Pattern.DOTALL);

    private CsvTables() {
    }

    static void write(List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
        // Not closed: the caller owns the stream.
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BOM);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(header);
        for (List<String> row : rows) {
            printer.printRecord(row.stream().map(CsvTables::neutralised).toList());
        }
        printer.flush();
    }

    /** The cell as written: formula-like values behind an apostrophe. */
    static String neutralised(String cell) {
        if (cell == null) {
            return "";
        }
        return FORMULA_LIKE.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** The value a {@link #neutralised} cell stands for. */
    static String restored(String cell) {
        return cell.startsWith("'") && FORMULA_LIKE.matcher(cell).matches() ? cell.substring(1) : cell;
    }

    static List<List<String>> read(InputStream in, TableLimits limits) throws IOException {
        // REPORT, not replace: a CSV saved as GBK (Excel's default on Chinese Windows) must be
        // refused with a hint, not imported as mojibake.
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        TableLimits.Collector table = limits.collector();
        CSVParser parser = null;
        try {
            reader.mark(1);
            if (reader.read() != BOM) {
                reader.reset();
            }
            parser = CSVFormat.RFC4180.parse(reader);
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>(Math.min(record.size(), limits.maxColumns()));
                for (String cell : record) {
                    row.add(table.cell(row.size(), restored(cell.trim())));
                }
                table.add(row);
            }
        } catch (IllegalStateException | UncheckedIOException | CharacterCodingException e) {
            throw unreadable(e, parser == null ? 1 : parser.getCurrentLineNumber() + 1);
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
        return table.rows();
    }

    /** The parser's complaint in the sender's words: the encoding, or the line that is malformed. */
    private static TableException unreadable(Exception e, long line) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return TableException.unreadable("文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                        "The file is not UTF-8 text; save it from Excel as \"CSV UTF-8 (Comma delimited)\"", e);
            }
        }
        return TableException.unreadable("CSV 第 " + line + " 行附近格式错误（引号未成对？）",
                "The CSV is malformed near line " + line + " (an unclosed quote?)", e);
    }
}
