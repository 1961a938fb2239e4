package cn.edu.cumt.union.core.internal.table;

import java.io.BufferedInputStream;
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
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import cn.edu.cumt.union.api.table.TableException;
import cn.edu.cumt.union.api.table.TableRead;

/**
 * CSV: written as UTF-8 with a byte-order mark (Excel needs it for Chinese); read in the encoding the
 * sender declared, else the one the bytes show (a byte-order mark, UTF-8, else GB18030: see {@link CsvEncoding}).
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
        return read(in, limits, null).rows();
    }

    /** @param declared the sender's charset, or {@code null}: then the bytes say (see {@link CsvEncoding}) */
    static TableRead read(InputStream in, TableLimits limits, String declared) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(in, CsvEncoding.SNIFF_BYTES);
        Charset charset = declared == null ? CsvEncoding.sniff(bytes) : CsvEncoding.declared(declared);
        // REPORT, not replace: bytes that are not in the encoding chosen are refused with a hint,
        // never imported as mojibake.
        Reader reader = new BufferedReader(new InputStreamReader(bytes, charset.newDecoder()
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
            throw unreadable(e, parser == null ? 1 : parser.getCurrentLineNumber() + 1, charset);
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
        return new TableRead(table.rows(), charset.name());
    }

    /** The parser's complaint in the sender's words: the encoding, or the line that is malformed. */
    private static TableException unreadable(Exception e, long line, Charset charset) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return TableException.unreadable("第 " + line + " 行附近的内容不是 " + charset.name()
                        + " 编码的文字，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                        "Near line " + line + " the file is not " + charset.name()
                                + " text; save it from Excel as \"CSV UTF-8 (Comma delimited)\"", e);
            }
        }
        return TableException.unreadable("CSV 第 " + line + " 行附近格式错误（引号未成对？）",
                "The CSV is malformed near line " + line + " (an unclosed quote?)", e);
    }
}
