package cn.edu.cumt.union.api.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * Reads and writes simple tables (a header row, then rows of text cells) as CSV or .xlsx.
 * Implemented by the core; thread-safe.
 */
@ProviderType
public interface Tables {

    /**
     * Writes a table. Cells may be {@code null} (empty). Numbers and dates should already be
     * formatted as text by the caller.
     *
     * @param sheetName name of the sheet for .xlsx (ignored for CSV)
     */
    void write(TableFormat format, String sheetName, List<String> header, List<List<String>> rows, OutputStream out)
            throws IOException;

    /**
     * Reads the first sheet of a table. Every cell comes back as trimmed text ({@code ""} when
     * empty); dates in .xlsx come back as ISO {@code yyyy-MM-dd}. The first row is the header.
     *
     * @throws TableException when the file cannot be read as the format says, or passes one of
     *         the platform's limits (rows, columns, cells, cell length, uncompressed size)
     * @throws IOException when the stream itself fails
     */
    List<List<String>> read(TableFormat format, InputStream in) throws IOException;

    /**
     * Reads like {@link #read(TableFormat, InputStream)}, and says how. A CSV is decoded in the encoding the
     * sender declared (the {@code charset} of its media type), else in the one its bytes show: a byte-order
     * mark, valid UTF-8, or else GB18030 (which contains GBK, what Excel and WPS save on Chinese Windows).
     *
     * @param declaredCharset the sender's {@code charset}, or {@code null} when none was given
     * @throws TableException also when the declared charset is unknown, or the bytes are not in it
     */
    TableRead read(TableFormat format, InputStream in, @Nullable String declaredCharset) throws IOException;
}
