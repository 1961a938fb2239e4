package cn.edu.cumt.union.plugin.study.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;

/** Checks and normalises what clients send: lengths, formats, limits. Stateless; every failure is a 400. */
final class StudyInputs {

    static final int MAX_TITLE = 200;
    static final int MAX_TOPIC = 1000;
    static final int MAX_PLACE = 200;
    static final int MAX_URL = 1000;
    static final int MAX_TEXT = 4000;
    static final int MAX_CATEGORY = 40;
    static final int MAX_MATERIALS = 50;
    static final int MAX_TARGETS = 500;
    static final int MAX_CATEGORIES = 20;
    static final int MAX_CODE = 32;
    static final int MAX_MEMBER_IDS = 5000;

    private StudyInputs() {
    }

    static List<MaterialDTO> materials(List<MaterialDTO> materials) {
        if (materials == null) {
            return List.of();
        }
        if (materials.size() > MAX_MATERIALS || materials.stream().anyMatch(Objects::isNull)) {
            throw ApiException.invalidField("materials", "最多 " + MAX_MATERIALS + " 项且不能为空",
                    "at most " + MAX_MATERIALS + " entries, none null");
        }
        List<MaterialDTO> valid = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            String field = "materials[" + i + "]";
            MaterialDTO m = materials.get(i);
            String url = Fields.text(field + ".url", m.url(), MAX_URL, false);
            String text = Fields.text(field + ".text", m.text(), MAX_TEXT, false);
            if (url == null && text == null) {
                throw ApiException.invalidField(field, "需要链接或正文", "needs a url or a text");
            }
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                throw ApiException.invalidField(field + ".url", "应以 http:// 或 https:// 开头",
                        "must start with http:// or https://");
            }
            valid.add(new MaterialDTO(Fields.text(field + ".title", m.title(), MAX_TITLE, true), url, text));
        }
        return valid;
    }

    static List<String> categories(List<String> categories) {
        return Fields.labels("targetCategories", categories, MAX_CATEGORIES, MAX_CATEGORY);
    }
}
