package cn.edu.cumt.union.api.table;

import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A table as read from a file, and how it was read.
 *
 * @param rows     the header row, then the data rows, as {@link Tables#read(TableFormat, java.io.InputStream)} gives them
 * @param encoding for CSV, the character encoding the bytes were decoded in (e.g. {@code UTF-8},
 *                 {@code GB18030}), to show the sender; {@code null} for .xlsx
 */
public record TableRead(List<List<String>> rows, @Nullable String encoding) {
}
