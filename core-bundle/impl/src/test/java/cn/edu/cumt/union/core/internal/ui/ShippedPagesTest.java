package cn.edu.cumt.union.core.internal.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

/** The pages the repository ships (every plugin's, familyday's, the archetype's) pass the checks the platform runs on them. */
public class ShippedPagesTest {

    private static final Path PLUGINS = Path.of("../../plugins");

    private static PageParser.Result parse(String plugin, boolean unit) throws IOException {
        String text = Files.readString(PLUGINS.resolve(plugin).resolve("src/main/resources/UI-INF/pages.json"));
        // the archetype's copy is a template: fill its properties as a generated project would
        text = text.replace("${pluginNameEn}", "Staff outing").replace("${pluginName}", "职工远足");
        return PageParser.parse(text.getBytes(StandardCharsets.UTF_8), unit);
    }

    private static List<String> ids(PageParser.Result result) {
        return result.pages().pages().stream().map(PageModel.Page::id).toList();
    }

    /** Every work-point plugin's pages: a page the platform refuses is silently missing from the app. */
    @Test
    public void congressWelfareAndHonoursShipValidPages() throws IOException {
        for (String plugin : List.of("congress", "welfare", "honours")) {
            PageParser.Result pages = parse(plugin, false);
            assertEquals(plugin, List.of(), pages.problems());
            assertTrue(plugin, ids(pages).size() > 5);
        }
    }

    @Test
    public void studyBrandAndTheUnitPluginsShipValidPages() throws IOException {
        PageParser.Result study = parse("study", false);
        assertEquals(List.of(), study.problems());
        assertTrue(ids(study).containsAll(List.of("my-sessions", "session", "check-in", "my-record", "sessions", "session-new",
                "attendance", "attendance-rate")));
        PageParser.Result brand = parse("brand", false);
        assertEquals(List.of(), brand.problems());
        assertTrue(ids(brand).containsAll(List.of("projects", "project", "apply", "review-queue", "review")));
        PageParser.Result familyday = parse("examples/familyday", true);
        assertEquals(List.of(), familyday.problems());
        PageParser.Result archetype = parse("archetype/src/main/resources/archetype-resources", true);
        assertEquals(List.of(), archetype.problems());
        assertEquals(List.of("activities"), ids(archetype));
    }
}
