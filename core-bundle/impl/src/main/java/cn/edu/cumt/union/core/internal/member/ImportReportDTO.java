package cn.edu.cumt.union.core.internal.member;

import java.util.List;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * What an import found (dry run) or did.
 *
 * @param rows     data rows read (the header and empty lines not counted)
 * @param valid    rows without errors
 * @param errors   every problem, row by row
 * @param toCreate members the file adds
 * @param toUpdate existing members the file updates
 * @param applied  whether the changes were written
 * @param encoding for a CSV, the character encoding it was read in (UTF-8, GB18030 …); {@code null} for .xlsx
 */
public record ImportReportDTO(int rows, int valid, List<ImportErrorDTO> errors, int toCreate, int toUpdate,
        boolean applied, @Nullable String encoding) {

    public ImportReportDTO(int rows, int valid, List<ImportErrorDTO> errors, int toCreate, int toUpdate, boolean applied) {
        this(rows, valid, errors, toCreate, toUpdate, applied, null);
    }

    /** The same report, saying which encoding the file was read in. */
    public ImportReportDTO readIn(String fileEncoding) {
        return new ImportReportDTO(rows, valid, errors, toCreate, toUpdate, applied, fileEncoding);
    }

    /**
     * One problem in the file.
     *
     * @param line     the line in the file (the header is line 1)
     * @param column   the column's Chinese header, or {@code null} for the whole row
     * @param reason   in Chinese
     * @param reasonEn in English
     */
    public record ImportErrorDTO(int line, @Nullable String column, String reason, String reasonEn) {
    }
}
