package cn.edu.cumt.union.core.internal.ui;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.edu.cumt.union.api.rest.Nullable;
import cn.edu.cumt.union.core.internal.ui.PageModel.Page;
import cn.edu.cumt.union.core.internal.ui.PageModel.Text;

/** One plugin's entry in {@link UiPagesDTO}: its title, icon, order and the pages the caller may open, as declared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UiPluginDTO(String id, Text title, @Nullable String icon, @Nullable Integer order, List<Page> pages) {
}
