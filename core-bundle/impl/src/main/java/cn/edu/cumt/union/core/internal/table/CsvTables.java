package cn.edu.cumt.union.core.internal.table;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

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

    static List<List<String>> read(InputStream in) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>(record.size());
                for (String cell : record) {
                    row.add(restored(cell.trim()));
                }
                rows.add(row);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException("CSV cannot be parsed: " + e.getMessage(), e);
        }
        return rows;
    }
}
