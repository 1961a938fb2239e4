package cn.edu.cumt.union.plugin.congress.internal;

import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** A year's scoring sheet (考评表). */
public record SheetEditDTO(@Nullable String title, @Nullable List<CriterionEditDTO> criteria) {
}
