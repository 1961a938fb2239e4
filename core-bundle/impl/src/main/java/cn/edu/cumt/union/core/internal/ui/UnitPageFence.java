package cn.edu.cumt.union.core.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a unit plugin's jar may hold for the web app: under {@code UI-INF/} nothing but a valid
 * {@code pages.json} of declarative pages (no {@code module}). A script, an HTML page, an SVG (which
 * can carry script) or any other file there would run, or could be made to run, in the platform's
 * origin with a member's session; such a jar is refused at upload with each file named. Pure logic.
 */
public final class UnitPageFence {

    private UnitPageFence() {
    }

    /** @param entries the jar's file entries by name, as read by the upload's scan */
    public static List<String> problems(Map<String, byte[]> entries) {
        List<String> problems = new ArrayList<>();
        String folder = PageParser.FOLDER.toLowerCase(Locale.ROOT);
        for (String name : entries.keySet()) {
            if (name.toLowerCase(Locale.ROOT).startsWith(folder) && !name.equals(PageParser.FILE)) {
                problems.add(name + "：单位插件在 " + PageParser.FOLDER + " 下只能有 pages.json（不能带脚本、HTML、SVG 或其他文件）/ "
                        + name + ": a unit plugin may have only pages.json under " + PageParser.FOLDER
                        + " (no script, HTML, SVG or other file)");
            }
        }
        byte[] pages = entries.get(PageParser.FILE);
        if (pages != null) {
            problems.addAll(PageParser.parse(pages, true).problems());
        }
        return problems;
    }
}
