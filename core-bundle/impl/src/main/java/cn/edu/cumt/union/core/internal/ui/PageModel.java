package cn.edu.cumt.union.core.internal.ui;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The records a plugin's {@code UI-INF/pages.json} is read into (see the README, "How a plugin brings
 * pages"). Every property is optional in the records; {@link PageParser} says which each kind needs
 * and allows. Absent properties are left out when the pages are served.
 */
public final class PageModel {

    private PageModel() {
    }

    /** A text in both languages. */
    public record Text(String zh, String en) {
    }

    /** The whole file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PluginPages(Text title, String icon, Integer order, List<Page> pages) {
    }

    /** One page; which properties it carries depends on its {@code kind}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(String id, String kind, List<String> roles, Boolean menu, Text title, String source, String items,
            List<Field> columns, List<Field> fields, Link link, List<Action> actions, String method, String target,
            Link done, List<Param> params, String x, String y, JsonNode format, String module) {
    }

    /**
     * A column of a list, a field shown by a detail ({@code field}, {@code label}, {@code format}), or an
     * input of a form ({@code name}, {@code label}, {@code type}, {@code required}, {@code options}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String field, String name, Text label, JsonNode format, String type, Boolean required,
            List<Option> options) {
    }

    /** A choice of a {@code select} input. */
    public record Option(String value, Text label) {
    }

    /** Where a row or a finished form leads: a page of the same plugin, its route params taken from fields of the record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String page, Map<String, String> params) {
    }

    /** A button of a detail or list page: opens a form (or another page) of the same plugin. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(Text label, String form, String page, Map<String, String> params) {
    }

    /** A route parameter that the page asks for (e.g. the year of a report). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Param(String name, String type, Text label) {
    }
}
