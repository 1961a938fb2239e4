package cn.edu.cumt.union.core.internal.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.TableRead;
import cn.edu.cumt.union.api.table.Tables;
import cn.edu.cumt.union.core.internal.config.LiveConfig;

/**
 * Tables service: CSV through Commons CSV, .xlsx through Apache POI (streaming both ways), every
 * read bounded by {@link TableLimits} from {@code etc/cn.edu.cumt.union.tables.cfg}, applied in place.
 */
@Component(service = Tables.class, configurationPid = TablesImpl.PID)
@Designate(ocd = TablesImpl.Config.class)
public class TablesImpl implements Tables {

    static final String PID = "cn.edu.cumt.union.tables";
    private static final Logger LOG = LoggerFactory.getLogger(TablesImpl.class);

    @ObjectClassDefinition(name = "Union tables (imports)")
    public @interface Config {
        @AttributeDefinition(description = "Most rows a table may have, the header included")
        int max_rows() default 200_000;

        @AttributeDefinition(description = "Most columns a row may have")
        int max_columns() default 100;

        @AttributeDefinition(description = "Most cells in a table")
        long max_cells() default 3_000_000;

        @AttributeDefinition(description = "Most characters in one cell")
        int max_cell_chars() default 4_000;

        @AttributeDefinition(description = "Most bytes one entry of an .xlsx file may inflate to")
        long max_uncompressed_bytes() default 200L * 1024 * 1024;
    }

    private volatile TableLimits limits = TableLimits.DEFAULTS;

    public TablesImpl() {
    }

    TablesImpl(TableLimits limits) {
        this.limits = limits;
    }

    @Activate
    void activate(Config config) {
        limits = LiveConfig.initial(LOG, PID, () -> of(config), () -> TableLimits.DEFAULTS);
    }

    @Modified
    void modified(Config config) {
        limits = LiveConfig.changed(LOG, PID, limits, () -> of(config));
    }

    private static TableLimits of(Config config) {
        return new TableLimits(config.max_rows(), config.max_columns(), config.max_cells(), config.max_cell_chars(),
                config.max_uncompressed_bytes());
    }

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
        TableLimits current = limits;
        return switch (require(format)) {
        case CSV -> CsvTables.read(in, current);
        case XLSX -> XlsxTables.read(in, current);
        };
    }

    @Override
    public TableRead read(TableFormat format, InputStream in, String declaredCharset) throws IOException {
        TableLimits current = limits;
        return switch (require(format)) {
        case CSV -> CsvTables.read(in, current, declaredCharset == null || declaredCharset.isBlank() ? null : declaredCharset);
        case XLSX -> new TableRead(XlsxTables.read(in, current), null);
        };
    }

    private static TableFormat require(TableFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
        return format;
    }
}
