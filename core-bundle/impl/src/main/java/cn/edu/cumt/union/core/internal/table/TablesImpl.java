package cn.edu.cumt.union.core.internal.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/** Tables service: CSV through Commons CSV, .xlsx through Apache POI (streaming both ways). */
@Component(service = Tables.class)
public class TablesImpl implements Tables {

    @Override
    public void write(TableFormat format, String sheetName, List<String> header, List<List<String>> rows,
            OutputStream out) throws IOException {
        switch (require(format)) {
        case CSV -> CsvTables.write(header, rows, out);
        case XLSX -> XlsxTables.write(sheetName, header, rows, out);
        default -> throw new IllegalArgumentException("format " + format);
        }
    }

    @Override
    public List<List<String>> read(TableFormat format, InputStream in) throws IOException {
        return switch (require(format)) {
        case CSV -> CsvTables.read(in);
        case XLSX -> XlsxTables.read(in);
        };
    }

    private static TableFormat require(TableFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
        return format;
    }
}
