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
 */
public record ImportReportDTO(int rows, int valid, List<ImportErrorDTO> errors, int toCreate, int toUpdate,
        boolean applied) {

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
