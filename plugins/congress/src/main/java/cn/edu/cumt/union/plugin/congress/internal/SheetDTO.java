package cn.edu.cumt.union.plugin.congress.internal;

import java.util.List;

/** A year's scoring sheet. */
public record SheetDTO(int year, String title, List<CriterionDTO> criteria) {
}
