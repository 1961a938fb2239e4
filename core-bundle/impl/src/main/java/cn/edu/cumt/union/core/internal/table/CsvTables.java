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

/** UTF-8 CSV: written with a byte-order mark (Excel needs it for Chinese), read with or without one. */
final class CsvTables {

    private static final char BOM = '\uFEFF';

    private CsvTables() {
    }

    static void write(List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
        // Not closed: the caller owns the stream.
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BOM);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(header);
        for (List<String> row : rows) {
            printer.printRecord(row.stream().map(cell -> cell == null ? "" : cell).toList());
        }
        printer.flush();
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
                    row.add(cell.trim());
                }
                rows.add(row);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException("CSV cannot be parsed: " + e.getMessage(), e);
        }
        return rows;
    }
}
