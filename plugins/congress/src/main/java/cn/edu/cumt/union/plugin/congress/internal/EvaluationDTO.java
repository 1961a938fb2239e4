package cn.edu.cumt.union.plugin.congress.internal;

import java.util.List;

/** The year's evaluation of every unit's congress: the sheet and one row per unit, best first. */
public record EvaluationDTO(int year, String title, List<CriterionDTO> criteria, List<EvaluationRowDTO> rows) {
}
