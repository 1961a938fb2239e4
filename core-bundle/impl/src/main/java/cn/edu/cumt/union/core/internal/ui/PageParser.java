package cn.edu.cumt.union.core.internal.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.core.internal.ui.PageModel.Action;
import cn.edu.cumt.union.core.internal.ui.PageModel.Field;
import cn.edu.cumt.union.core.internal.ui.PageModel.Link;
import cn.edu.cumt.union.core.internal.ui.PageModel.Option;
import cn.edu.cumt.union.core.internal.ui.PageModel.Page;
import cn.edu.cumt.union.core.internal.ui.PageModel.Param;
import cn.edu.cumt.union.core.internal.ui.PageModel.PluginPages;
import cn.edu.cumt.union.core.internal.ui.PageModel.Text;

/**
 * Reads and checks a plugin's {@code UI-INF/pages.json}. Strict: unknown properties, duplicate keys,
 * values of the wrong type and anything over the bounds are refused, and every path a page calls is
 * a plain relative path under the plugin's own {@code /api/<plugin-id>/} (no scheme, host, {@code ..},
 * percent-escape or backslash can get through, since only a few characters are allowed at all).
 * Pure logic; thread-safe.
 */
public final class PageParser {

    /** Where a plugin bundle keeps its pages file and assets. */
    public static final String FOLDER = "UI-INF/";
    public static final String FILE = FOLDER + "pages.json";

    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_PAGES = 50;
    static final int MAX_FIELDS = 40;
    static final int MAX_LABEL = 100;
    static final int MAX_ACTIONS = 10;
    static final int MAX_PARAMS = 10;
    static final int MAX_OPTIONS = 100;
    static final int MAX_PATH = 200;

    static final Set<String> ROLES = Set.of(Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR);
    static final Set<String> FORMATS = Set.of("text", "date", "datetime", "number", "percent", "boolean");
    static final Set<String> INPUT_TYPES = Set.of("text", "textarea", "number", "date", "datetime", "select", "boolean");
    static final Set<String> PARAM_TYPES = Set.of("year", "date", "number", "text");
    static final Set<String> METHODS = Set.of("POST", "PUT");

    private static final Set<String> COMMON = Set.of("id", "kind", "roles", "menu", "title");
    /** What each kind may set besides {@link #COMMON}; the first ones listed are required. */
    private static final Map<String, Kind> KINDS = Map.of(
            "list", new Kind(Set.of("source", "columns"), Set.of("items", "link", "actions", "params")),
            "detail", new Kind(Set.of("source", "fields"), Set.of("actions", "params")),
            "form", new Kind(Set.of("method", "target", "fields"), Set.of("source", "done")),
            "chart", new Kind(Set.of("source", "x", "y"), Set.of("items", "params", "format")),
            "module", new Kind(Set.of("module"), Set.of()));

    private record Kind(Set<String> required, Set<String> optional) {
    }

    private static final Pattern PAGE_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}(\\.[A-Za-z_][A-Za-z0-9_]{0,39}){0,4}");
    private static final Pattern ICON = Pattern.compile("[a-z0-9-]{1,30}");
    private static final Pattern ENUM_VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern OPTION_VALUE = Pattern.compile("[^\\p{Cntrl}]{1,100}");
    /** A literal path segment: unreserved characters only, and not starting with a dot (so no "." or ".."). */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,99}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]{0,39}\\}");
    private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");
    private static final Pattern QUERY_VALUE = Pattern.compile("[A-Za-z0-9._~-]{0,100}");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,59}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,59}){0,4}\\.js");

    private static final ObjectMapper MAPPER = strictMapper();

    private PageParser() {
    }

    /**
     * What reading a file gave.
     *
     * @param pages    the pages, or {@code null} when there is any problem
     * @param problems every reason the file is refused, bilingual; empty when it is valid
     */
    public record Result(PluginPages pages, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        // "menu": "true" or "source": 5 are mistakes, not values to convert
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * @param file       the file's bytes, or {@code null} when the bundle has none
     * @param unitPlugin whether the file is a unit plugin's: then only declarative kinds are allowed
     */
    public static Result parse(byte[] file, boolean unitPlugin) {
        List<String> problems = new ArrayList<>();
        if (file == null) {
            problems.add(problem("缺少 " + FILE, "there is no " + FILE));
            return new Result(null, problems);
        }
        if (file.length > MAX_BYTES) {
            problems.add(problem("文件过大（" + file.length + " 字节，上限 " + MAX_BYTES + "）",
                    "the file has " + file.length + " bytes, more than " + MAX_BYTES));
            return new Result(null, problems);
        }
        PluginPages pages;
        try {
            pages = MAPPER.readValue(file, PluginPages.class);
        } catch (JsonProcessingException unreadable) {
            problems.add(problem("不是有效的页面声明：" + describe(unreadable), "not a valid page declaration: " + describe(unreadable)));
            return new Result(null, problems);
        } catch (IOException unreadable) {
            problems.add(problem("无法读取", "unreadable"));
            return new Result(null, problems);
        }
        if (pages == null) {
            problems.add(problem("内容为空", "the file is empty"));
            return new Result(null, problems);
        }
        new Checker(problems, unitPlugin).check(pages);
        return new Result(problems.isEmpty() ? pages : null, List.copyOf(problems));
    }

    /** Jackson's complaint without its class names: the JSON path and the first line of the message. */
    private static String describe(JsonProcessingException error) {
        String message = error instanceof UnrecognizedPropertyException unknown
                ? "unknown property \"" + unknown.getPropertyName() + "\""
                : error.getOriginalMessage();
        message = message == null ? "" : message.lines().findFirst().orElse("");
        message = message.replaceAll("\\([^)]*\\)", "").replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z]+)`", "$1").strip();
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining());
            return "$" + path + ": " + message;
        }
        return message;
    }

    static String problem(String zh, String en) {
        return FILE + "：" + zh + " / " + FILE + ": " + en;
    }

    /** @return why {@code path} is not a relative API path with {@code {name}} placeholders, or {@code null} when it is */
    static String pathProblem(String path) {
        if (path == null || path.isEmpty()) {
            return "empty";
        }
        if (path.length() > MAX_PATH) {
            return "longer than " + MAX_PATH + " characters";
        }
        int question = path.indexOf('?');
        String route = question < 0 ? path : path.substring(0, question);
        if (route.isEmpty()) {
            return "no path before the query";
        }
        for (String segment : route.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() && !PLACEHOLDER.matcher(segment).matches()) {
                return "segment '" + segment + "' is neither plain (letters, digits, - _ . ~, not starting with a dot) nor one {name}";
            }
        }
        if (question >= 0) {
            String query = path.substring(question + 1);
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                if (!QUERY_NAME.matcher(name).matches()) {
                    return "query name '" + name + "' is not a plain name";
                }
                if (!QUERY_VALUE.matcher(value).matches() && !PLACEHOLDER.matcher(value).matches()) {
                    return "query value '" + value + "' of " + name + " is neither plain nor one {name}";
                }
            }
        }
        return null;
    }

    /** The checks on one parsed file, collecting every problem. */
    private static final class Checker {

        private final List<String> problems;
        private final boolean unitPlugin;
        private Map<String, Page> byId = Map.of();

        Checker(List<String> problems, boolean unitPlugin) {
            this.problems = problems;
            this.unitPlugin = unitPlugin;
        }

        private void add(String where, String zh, String en) {
            problems.add(problem(where + " " + zh, where + ": " + en));
        }

        void check(PluginPages file) {
            text("$.title", file.title(), true);
            if (file.icon() != null && !ICON.matcher(file.icon()).matches()) {
                add("$.icon", "图标名无效", "the icon name must be 1-30 of a-z, 0-9 and -");
            }
            if (file.order() != null && (file.order() < 0 || file.order() > 9999)) {
                add("$.order", "顺序应在 0-9999 之间", "the order must be between 0 and 9999");
            }
            List<Page> pages = file.pages();
            if (pages == null || pages.isEmpty()) {
                add("$.pages", "至少需要一个页面", "at least one page is needed");
                return;
            }
            if (pages.size() > MAX_PAGES) {
                add("$.pages", "页面过多（上限 " + MAX_PAGES + "）", pages.size() + " pages, more than " + MAX_PAGES);
                return;
            }
            Map<String, Page> ids = new LinkedHashMap<>();
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                String where = "$.pages[" + i + "]";
                if (page == null) {
                    add(where, "为空", "is null");
                } else if (page.id() == null || !PAGE_ID.matcher(page.id()).matches()) {
                    add(where + ".id", "页面标识无效", "the page id must be a-z, then up to 39 of a-z, 0-9 and -");
                } else if (ids.putIfAbsent(page.id(), page) != null) {
                    add(where + ".id", "页面标识重复：" + page.id(), "duplicate page id " + page.id());
                }
            }
            byId = ids;
            for (int i = 0; i < pages.size(); i++) {
                if (pages.get(i) != null) {
                    page("$.pages[" + i + "]", pages.get(i));
                }
            }
        }

        private void page(String where, Page page) {
            Kind kind = page.kind() == null ? null : KINDS.get(page.kind());
            if (kind == null) {
                add(where + ".kind", "页面类型无效", "the kind must be one of list, detail, form, chart, module");
                return;
            }
            if (unitPlugin && page.kind().equals("module")) {
                add(where + ".kind", "单位插件只能声明数据式页面，不能带脚本（module）",
                        "a unit plugin may declare data pages only, no script (module)");
                return;
            }
            Map<String, Object> set = present(page);
            for (String property : set.keySet()) {
                if (!COMMON.contains(property) && !kind.required().contains(property) && !kind.optional().contains(property)) {
                    add(where + "." + property, page.kind() + " 类页面不能有此属性", "a " + page.kind() + " page has no " + property);
                }
            }
            for (String property : kind.required()) {
                if (!set.containsKey(property)) {
                    add(where + "." + property, "缺少必填属性", "is required for a " + page.kind() + " page");
                }
            }
            roles(where + ".roles", page.roles());
            text(where + ".title", page.title(), Boolean.TRUE.equals(page.menu()));
            path(where + ".source", page.source());
            path(where + ".target", page.target());
            fieldPath(where + ".items", page.items());
            fieldPath(where + ".x", page.x());
            fieldPath(where + ".y", page.y());
            format(where + ".format", page.format());
            if (page.method() != null && !METHODS.contains(page.method())) {
                add(where + ".method", "提交方式只能是 POST 或 PUT", "the method must be POST or PUT");
            }
            if (page.module() != null && !MODULE.matcher(page.module()).matches()) {
                add(where + ".module", "模块路径无效", "the module must be a relative path of plain names under " + FOLDER + " ending in .js");
            }
            boolean inputs = page.kind().equals("form");
            fields(where + ".columns", page.columns(), false);
            fields(where + ".fields", page.fields(), inputs);
            link(where + ".link", page.link());
            link(where + ".done", page.done());
            actions(where + ".actions", page.actions());
            params(where + ".params", page.params());
        }

        /** The properties the page sets, by their JSON names. */
        private static Map<String, Object> present(Page page) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("id", page.id());
            all.put("kind", page.kind());
            all.put("roles", page.roles());
            all.put("menu", page.menu());
            all.put("title", page.title());
            all.put("source", page.source());
            all.put("items", page.items());
            all.put("columns", page.columns());
            all.put("fields", page.fields());
            all.put("link", page.link());
            all.put("actions", page.actions());
            all.put("method", page.method());
            all.put("target", page.target());
            all.put("done", page.done());
            all.put("params", page.params());
            all.put("x", page.x());
            all.put("y", page.y());
            all.put("format", page.format());
            all.put("module", page.module());
            all.values().removeIf(Objects::isNull);
            return all;
        }

        private void roles(String where, List<String> roles) {
            if (roles == null || roles.isEmpty()) {
                add(where, "至少需要一个角色", "at least one role is needed");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (String role : roles) {
                if (role == null || !ROLES.contains(role)) {
                    add(where, "未知角色：" + role, "unknown role " + role + " (member, unit-admin, union-admin, operator)");
                } else if (!seen.add(role)) {
                    add(where, "角色重复：" + role, "duplicate role " + role);
                }
            }
        }

        private void text(String where, Text text, boolean required) {
            if (text == null) {
                if (required) {
                    add(where, "缺少标题（中英文）", "a title in zh and en is required");
                }
                return;
            }
            label(where + ".zh", text.zh());
            label(where + ".en", text.en());
        }

        private void label(String where, String label) {
            if (label == null || label.isBlank()) {
                add(where, "不能为空", "may not be empty");
            } else if (label.length() > MAX_LABEL) {
                add(where, "超过 " + MAX_LABEL + " 个字符", "longer than " + MAX_LABEL + " characters");
            } else if (label.codePoints().anyMatch(Character::isISOControl)) {
                add(where, "含控制字符", "contains control characters");
            }
        }

        private void path(String where, String path) {
            if (path == null) {
                return;
            }
            String problem = pathProblem(path);
            if (problem != null) {
                add(where, "必须是本插件接口下的相对路径", "must be a path relative to /api/<plugin-id>/: " + problem);
            }
        }

        private void fieldPath(String where, String path) {
            if (path != null && !FIELD_PATH.matcher(path).matches()) {
                add(where, "字段名无效", "a field is a name or a dotted path of names (letters, digits, _)");
            }
        }

        private void name(String where, String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                add(where, "名称无效", "a name is a letter, then up to 39 letters and digits");
            }
        }

        private void format(String where, JsonNode format) {
            if (format == null || format.isNull()) {
                return;
            }
            if (format.isTextual()) {
                if (!FORMATS.contains(format.asText())) {
                    add(where, "格式无效", "the format must be one of " + String.join(", ", FORMATS.stream().sorted().toList())
                            + " or {\"enum\": {…}}");
                }
                return;
            }
            JsonNode values = format.get("enum");
            if (!format.isObject() || format.size() != 1 || values == null || !values.isObject() || values.isEmpty()
                    || values.size() > MAX_OPTIONS) {
                add(where, "格式无效", "the format must be a name or {\"enum\": {VALUE: {\"zh\", \"en\"}}} with 1-" + MAX_OPTIONS + " values");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> value = it.next();
                String at = where + ".enum." + value.getKey();
                if (!ENUM_VALUE.matcher(value.getKey()).matches()) {
                    add(where + ".enum", "取值名无效", "a value is 1-40 of letters, digits, _ . -");
                }
                JsonNode label = value.getValue();
                if (!label.isObject() || label.size() != 2 || !label.path("zh").isTextual() || !label.path("en").isTextual()) {
                    add(at, "须为 {\"zh\", \"en\"}", "must be {\"zh\": …, \"en\": …}");
                } else {
                    label(at + ".zh", label.get("zh").asText());
                    label(at + ".en", label.get("en").asText());
                }
            }
        }

        private void fields(String where, List<Field> fields, boolean inputs) {
            if (fields == null) {
                return;
            }
            if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
                add(where, "字段数应为 1-" + MAX_FIELDS, "1 to " + MAX_FIELDS + " fields");
                return;
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                String at = where + "[" + i + "]";
                if (field == null) {
                    add(at, "为空", "is null");
                    continue;
                }
                text(at + ".label", field.label(), true);
                if (inputs) {
                    input(at, field, names);
                } else {
                    if (field.field() == null) {
                        add(at + ".field", "缺少字段名", "the field is required");
                    }
                    fieldPath(at + ".field", field.field());
                    format(at + ".format", field.format());
                    if (field.name() != null || field.type() != null || field.required() != null || field.options() != null) {
                        add(at, "展示字段只有 field、label、format", "a shown field has only field, label and format");
                    }
                }
            }
        }

        private void input(String at, Field field, Set<String> names) {
            name(at + ".name", field.name());
            if (field.name() != null && !names.add(field.name())) {
                add(at + ".name", "字段重复：" + field.name(), "duplicate field " + field.name());
            }
            if (field.type() == null || !INPUT_TYPES.contains(field.type())) {
                add(at + ".type", "输入类型无效", "the type must be one of " + String.join(", ", INPUT_TYPES.stream().sorted().toList()));
            }
            if (field.field() != null || field.format() != null) {
                add(at, "输入字段用 name、label、type、required、options", "an input has name, label, type, required and options");
            }
            boolean select = "select".equals(field.type());
            List<Option> options = field.options();
            if (select != (options != null)) {
                add(at + ".options", "选项仅且必须用于 select", "options are required for a select and allowed for nothing else");
            } else if (options != null) {
                if (options.isEmpty() || options.size() > MAX_OPTIONS) {
                    add(at + ".options", "选项数应为 1-" + MAX_OPTIONS, "1 to " + MAX_OPTIONS + " options");
                    return;
                }
                Set<String> values = new HashSet<>();
                for (int i = 0; i < options.size(); i++) {
                    Option option = options.get(i);
                    String o = at + ".options[" + i + "]";
                    if (option == null || option.value() == null || !OPTION_VALUE.matcher(option.value()).matches()) {
                        add(o + ".value", "选项值无效", "a value is 1-100 characters, no control characters");
                    } else if (!values.add(option.value())) {
                        add(o + ".value", "选项值重复", "duplicate value " + option.value());
                    }
                    text(o + ".label", option == null ? null : option.label(), true);
                }
            }
        }

        private void link(String where, Link link) {
            if (link == null) {
                return;
            }
            knownPage(where + ".page", link.page(), null);
            linkParams(where + ".params", link.params());
        }

        private void linkParams(String where, Map<String, String> params) {
            if (params == null) {
                return;
            }
            if (params.size() > MAX_PARAMS) {
                add(where, "参数过多", "more than " + MAX_PARAMS + " params");
                return;
            }
            params.forEach((name, field) -> {
                name(where + "." + name, name);
                if (field == null) {
                    add(where + "." + name, "缺少字段名", "the field is required");
                }
                fieldPath(where + "." + name, field);
            });
        }

        private void knownPage(String where, String id, String kind) {
            if (id == null) {
                add(where, "缺少目标页面", "the page is required");
                return;
            }
            Page target = byId.get(id);
            if (target == null) {
                add(where, "指向不存在的页面：" + id, "no page " + id + " in this file");
            } else if (kind != null && !kind.equals(target.kind())) {
                add(where, "页面 " + id + " 不是表单", "page " + id + " is not a " + kind);
            }
        }

        private void actions(String where, List<Action> actions) {
            if (actions == null) {
                return;
            }
            if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
                add(where, "操作数应为 1-" + MAX_ACTIONS, "1 to " + MAX_ACTIONS + " actions");
                return;
            }
            for (int i = 0; i < actions.size(); i++) {
                Action action = actions.get(i);
                String at = where + "[" + i + "]";
                if (action == null) {
                    add(at, "为空", "is null");
                    continue;
                }
                text(at + ".label", action.label(), true);
                if ((action.form() == null) == (action.page() == null)) {
                    add(at, "须指定 form 或 page 之一", "exactly one of form and page");
                } else if (action.form() != null) {
                    knownPage(at + ".form", action.form(), "form");
                } else {
                    knownPage(at + ".page", action.page(), null);
                }
                linkParams(at + ".params", action.params());
            }
        }

        private void params(String where, List<Param> params) {
            if (params == null) {
                return;
            }
            if (params.isEmpty() || params.size() > MAX_PARAMS) {
                add(where, "参数数应为 1-" + MAX_PARAMS, "1 to " + MAX_PARAMS + " params");
                return;
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < params.size(); i++) {
                Param param = params.get(i);
                String at = where + "[" + i + "]";
                if (param == null) {
                    add(at, "为空", "is null");
                    continue;
                }
                name(at + ".name", param.name());
                if (param.name() != null && !names.add(param.name())) {
                    add(at + ".name", "参数重复", "duplicate param " + param.name());
                }
                if (param.type() == null || !PARAM_TYPES.contains(param.type())) {
                    add(at + ".type", "参数类型无效", "the type must be one of year, date, number, text");
                }
                text(at + ".label", param.label(), false);
            }
        }
    }
}
