package cn.edu.cumt.union.core.internal.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

public class PageParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] sample() {
        try (InputStream in = PageParserTest.class.getResourceAsStream("/ui/pages.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with one change applied to its tree. */
    private static byte[] changed(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(sample());
            change.accept(root);
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode page(ObjectNode root, int index) {
        return (ObjectNode) root.get("pages").get(index);
    }

    /** Asserts that the file is refused, with a reason that contains {@code expected}. */
    private static void refused(byte[] file, boolean unit, String expected) {
        PageParser.Result result = PageParser.parse(file, unit);
        assertFalse("accepted: " + new String(file, StandardCharsets.UTF_8), result.valid());
        assertNull(result.pages());
        assertTrue("reasons " + result.problems() + " do not mention " + expected,
                result.problems().stream().anyMatch(problem -> problem.contains(expected)));
        assertTrue(result.problems().stream().allMatch(problem -> problem.contains(" / ")));
    }

    private static void refused(Consumer<ObjectNode> change, String expected) {
        refused(changed(change), false, expected);
    }

    private static void source(String value, String expected) {
        refused(root -> page(root, 1).put("source", value), expected);
    }

    @Test
    public void theContractsExampleIsReadWhole() {
        PageParser.Result result = PageParser.parse(sample(), true);
        assertEquals(List.of(), result.problems());
        assertEquals("政治学习", result.pages().title().zh());
        assertEquals(4, result.pages().pages().size());
        assertEquals("session.id", result.pages().pages().get(0).link().params().get("id"));
        assertEquals("report?from={from}&to={to}&format=json", result.pages().pages().get(3).source());
    }

    @Test
    public void pathsThatLeaveThePluginsApiAreRefused() {
        source("https://evil.example/steal", "segment 'https:'");
        source("javascript:alert(1)", "javascript:alert(1)");
        source("//evil.example/x", "segment ''");
        source("/sessions", "segment ''");
        source("../auth/login", "segment '..'");
        source("sessions/../../members", "segment '..'");
        source("sessions/./x", "segment '.'");
        source("%2e%2e/members", "segment '%2e%2e'");
        source("sessions/%2F", "segment '%2F'");
        source("..\\members", "segment");
        source("sessions\\{id}", "segment");
        source("sessions//x", "segment ''");
        source("sessions/", "segment ''");
        source("", "empty");
        source("?year=1", "no path before the query");
        source("a".repeat(201), "longer than 200");
        source("sessions/.hidden", "segment '.hidden'");
        source("sessions/{id}#frag", "segment");
        source("sessions /x", "segment");
    }

    @Test
    public void placeholdersMustBeOneNameInBraces() {
        source("sessions/{}", "segment '{}'");
        source("sessions/{a b}", "segment");
        source("sessions/${id}", "segment '${id}'");
        source("sessions/{{id}}", "segment '{{id}}'");
        source("sessions/{id", "segment '{id'");
        source("sessions/x{id}", "segment 'x{id}'");
        source("sessions/{1d}", "segment '{1d}'");
        source("sessions/{id.x}", "segment '{id.x}'");
        source("sessions?{q}=1", "query name '{q}'");
        source("sessions?q={a}{b}", "query value '{a}{b}'");
        source("sessions?q=%22", "query value '%22'");
        source("sessions?q=a&", "query name ''");
        source("sessions?q=a?b", "query value 'a?b'");
        source("sessions?na me=1", "query name 'na me'");
        refused(root -> page(root, 2).put("target", "sessions/{id}/../../auth/password"), "segment '..'");
    }

    @Test
    public void rolesMustExist() {
        refused(root -> page(root, 0).putArray("roles").add("admin"), "unknown role admin");
        refused(root -> page(root, 0).putArray("roles"), "at least one role");
        refused(root -> page(root, 0).remove("roles"), "at least one role");
        refused(root -> page(root, 0).putArray("roles").add("member").add("member"), "duplicate role");
        refused(root -> page(root, 0).putArray("roles").add("Member"), "unknown role Member");
    }

    @Test
    public void aUnitPluginMayNotBringScript() {
        byte[] module = changed(root -> ((ArrayNode) root.get("pages")).addObject().put("id", "x").put("kind", "module")
                .put("module", "pages/x.js").putArray("roles").add("member"));
        refused(module, true, "no script (module)");
        assertTrue(PageParser.parse(module, false).problems().toString(), PageParser.parse(module, false).valid());
    }

    @Test
    public void modulePathsStayInsideTheBundlesFolder() {
        for (String bad : List.of("../x.js", "pages/../../x.js", "/pages/x.js", "https://evil/x.js", "pages/x.mjs", "pages\\x.js",
                "pages/%2e%2e/x.js", ".x.js")) {
            byte[] file = changed(root -> ((ArrayNode) root.get("pages")).addObject().put("id", "x").put("kind", "module")
                    .put("module", bad).putArray("roles").add("member"));
            refused(file, false, "the module must be");
        }
    }

    @Test
    public void hugeFilesAreRefusedBeforeTheyAreRead() {
        byte[] huge = new byte[PageParser.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        refused(huge, false, "more than 65536");
    }

    @Test
    public void countsAndLengthsAreBounded() {
        refused(root -> {
            ArrayNode pages = (ArrayNode) root.get("pages");
            for (int i = 0; i < 47; i++) {
                pages.add(page(root, 1).deepCopy().put("id", "copy" + i));
            }
        }, "more than 50");
        refused(root -> {
            ArrayNode columns = (ArrayNode) page(root, 0).get("columns");
            for (int i = 0; i < 38; i++) {
                columns.add(columns.get(0).deepCopy());
            }
        }, "1 to 40 fields");
        refused(root -> ((ObjectNode) root.get("title")).put("zh", "长".repeat(101)), "longer than 100");
        refused(root -> ((ObjectNode) root.get("title")).put("en", "a\u0000b"), "control characters");
        refused(root -> ((ObjectNode) root.get("title")).put("en", " "), "may not be empty");
        refused(root -> root.put("order", 10000), "between 0 and 9999");
        refused(root -> root.put("icon", "<svg>"), "icon name");
    }

    @Test
    public void pageIdsAreUniqueAndLinksGoToPagesOfTheFile() {
        refused(root -> page(root, 1).put("id", "my-sessions"), "duplicate page id my-sessions");
        refused(root -> page(root, 1).put("id", "Session"), "page id must be");
        refused(root -> ((ObjectNode) page(root, 0).get("link")).put("page", "nowhere"), "no page nowhere");
        refused(root -> ((ObjectNode) page(root, 2).get("done")).put("page", "other"), "no page other");
        refused(root -> ((ObjectNode) page(root, 1).get("actions").get(0)).put("form", "my-sessions"), "is not a form");
        refused(root -> ((ObjectNode) page(root, 1).get("actions").get(0)).put("page", "session"), "exactly one of form and page");
        refused(root -> ((ObjectNode) page(root, 0).get("link")).putObject("params").put("id", "session.id;x"), "dotted path");
        refused(root -> ((ObjectNode) page(root, 0).get("link")).putObject("params").put("i d", "id"), "a name is a letter");
    }

    @Test
    public void unknownOrMistypedPropertiesAreRefused() {
        refused(root -> root.put("script", "alert(1)"), "script");
        refused(root -> page(root, 0).put("html", "<b>x</b>"), "html");
        refused(root -> ((ObjectNode) root.get("title")).put("fr", "x"), "fr");
        refused(root -> page(root, 0).put("menu", "true"), "$.pages[0].menu");
        refused(root -> page(root, 0).put("source", 5), "$.pages[0].source");
        refused(root -> root.put("order", 1.5), "$.order");
        refused(root -> page(root, 0).put("roles", "member"), "$.pages[0].roles");
        refused(root -> root.put("title", "学习"), "$.title");
        refused(root -> page(root, 0).put("target", "sessions"), "a list page has no target");
        refused(root -> page(root, 2).put("x", "a"), "a form page has no x");
        refused(root -> page(root, 1).remove("source"), "is required for a detail page");
        refused(root -> page(root, 0).put("kind", "html"), "the kind must be one of");
        refused(root -> page(root, 2).put("method", "DELETE"), "POST or PUT");
        refused(root -> page(root, 2).put("method", "post"), "POST or PUT");
        refused("{\"title\":{\"zh\":\"a\",\"en\":\"b\"},\"title\":{\"zh\":\"c\",\"en\":\"d\"},\"pages\":[]}".getBytes(StandardCharsets.UTF_8),
                false, "Duplicate field 'title'");
        refused("{\"title\":{\"zh\":\"a\",\"en\":\"b\"},\"pages\":[]} {}".getBytes(StandardCharsets.UTF_8), false,
                "not a valid page declaration");
        refused("not json".getBytes(StandardCharsets.UTF_8), false, "not a valid page declaration");
        refused("null".getBytes(StandardCharsets.UTF_8), false, "empty");
        refused(root -> root.putArray("pages"), "at least one page");
        refused(root -> root.remove("title"), "$.title");
    }

    @Test
    public void fieldsFormatsAndInputsAreChecked() {
        refused(root -> ((ObjectNode) page(root, 0).get("columns").get(0)).put("format", "html"), "the format must be one of");
        refused(root -> ((ObjectNode) page(root, 0).get("columns").get(0)).putObject("format").putObject("enum"), "1-100 values");
        refused(root -> ((ObjectNode) page(root, 0).get("columns").get(0)).putObject("format").putObject("enum")
                .put("A", "x"), "must be {\"zh\"");
        refused(root -> ((ObjectNode) page(root, 0).get("columns").get(0)).putObject("format").putObject("enum")
                .putObject("A").put("zh", "甲").put("en", "A").put("html", "<b>"), "must be {\"zh\"");
        refused(root -> ((ObjectNode) page(root, 0).get("columns").get(0)).put("field", "__proto__['x']"), "dotted path");
        refused(root -> ((ObjectNode) page(root, 0).get("columns").get(0)).put("type", "text"), "a shown field has only");
        refused(root -> ((ObjectNode) page(root, 0).get("columns").get(0)).remove("field"), "the field is required");
        refused(root -> ((ObjectNode) page(root, 2).get("fields").get(0)).put("type", "file"), "the type must be one of");
        refused(root -> ((ObjectNode) page(root, 2).get("fields").get(0)).put("name", "a-b"), "a name is a letter");
        refused(root -> ((ObjectNode) page(root, 2).get("fields").get(1)).put("name", "code"), "duplicate field code");
        refused(root -> ((ObjectNode) page(root, 2).get("fields").get(1)).remove("options"), "options are required for a select");
        refused(root -> ((ObjectNode) page(root, 2).get("fields").get(0)).putArray("options"), "options are required for a select");
        refused(root -> ((ObjectNode) page(root, 2).get("fields").get(0)).put("format", "text"), "an input has name");
        refused(root -> ((ObjectNode) page(root, 3).get("params").get(0)).put("type", "password"), "year, date, number, text");
        refused(root -> page(root, 3).put("x", "a.b.c.d.e.f.g"), "dotted path");
        refused(root -> page(root, 0).remove("title"), "a title in zh and en is required");
    }

    @Test
    public void everyProblemIsListedAtOnce() {
        byte[] file = changed(root -> {
            page(root, 0).put("source", "../x");
            page(root, 1).putArray("roles").add("root");
        });
        PageParser.Result result = PageParser.parse(file, false);
        assertEquals(result.problems().toString(), 2, result.problems().size());
        assertNotNull(result.problems().get(0));
    }
}
