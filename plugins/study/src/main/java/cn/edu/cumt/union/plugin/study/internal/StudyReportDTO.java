package cn.edu.cumt.union.plugin.study.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * Completion per unit for the sessions that started between {@code from} and {@code to} (calendar
 * days in Asia/Shanghai, both included) and have started by now.
 *
 * @param sessions how many sessions contributed
 * @param units    one row per unit with anything expected or attended, in directory order
 */
public record StudyReportDTO(LocalDate from, LocalDate to, int sessions, long expected, long attended,
        @Nullable BigDecimal rate, List<StudyReportRowDTO> units) {
}
