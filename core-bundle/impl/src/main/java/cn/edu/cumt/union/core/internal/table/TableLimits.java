package cn.edu.cumt.union.core.internal.table;

import java.util.ArrayList;
import java.util.List;

import cn.edu.cumt.union.api.table.TableException;

/**
 * How large a table the platform reads: one immutable set of limits, so that a 300 KB .xlsx that
 * inflates to 300 MB, or a CSV of millions of one-letter cells, is refused with the limit's name
 * long before it fills the heap. The defaults take the 100,000-member file of the benchmarks.
 */
record TableLimits(int maxRows, int maxColumns, long maxCells, int maxCellChars, long maxUncompressedBytes) {

    static final TableLimits DEFAULTS = new TableLimits(200_000, 100, 3_000_000, 4_000, 200L * 1024 * 1024);

    TableLimits {
        if (maxRows < 1 || maxColumns < 1 || maxCells < 1 || maxCellChars < 1 || maxUncompressedBytes < 1) {
            throw new IllegalArgumentException("table limits must be positive");
        }
    }

    /** Collects rows while counting them against the limits. Not thread-safe: one per read. */
    final class Collector {
        private final List<List<String>> rows = new ArrayList<>();
        private long cells;

        /** Empty rows up to {@code index}, the 0-based index of the next row (sheets may skip rows). */
        void padTo(int index) throws TableException {
            checkRows(index + 1L);
            while (rows.size() < index) {
                rows.add(List.of());
            }
        }

        void add(List<String> row) throws TableException {
            checkRows(rows.size() + 1L);
            rows.add(row);
        }

        /** Checks one more cell at the 0-based {@code column} of the current row. */
        String cell(int column, String value) throws TableException {
            checkColumn(column);
            if (++cells > maxCells) {
                throw TableException.tooLarge("cells", maxCells, "单元格总数", "cells");
            }
            if (value.length() > maxCellChars) {
                throw TableException.tooLarge("cell-length", maxCellChars, "单元格字符数", "characters in a cell");
            }
            return value;
        }

        /** Checks a 0-based column index before the cells up to it are filled in. */
        void checkColumn(int column) throws TableException {
            if (column >= maxColumns) {
                throw TableException.tooLarge("columns", maxColumns, "列数", "columns");
            }
        }

        List<List<String>> rows() {
            return rows;
        }

        private void checkRows(long count) throws TableException {
            if (count > maxRows) {
                throw TableException.tooLarge("rows", maxRows, "行数", "rows");
            }
        }
    }

    Collector collector() {
        return new Collector();
    }
}
