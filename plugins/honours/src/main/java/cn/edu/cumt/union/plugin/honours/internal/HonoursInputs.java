package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;

/** Stateless input checks (lengths, formats, limits): each mistake a 400 naming the field. */
final class HonoursInputs {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_CASE = 8000;
    static final int MAX_COMMENT = 2000;
    static final int MAX_REASON = 4000;
    static final int MAX_CATEGORIES = 20;
    static final int MAX_QUOTAS = 500;
    static final int MAX_PLACES = 100;
    static final int MAX_QUOTA = 100;
    static final int MAX_NOTICE_DAYS = 60;
    static final String DEFAULT_DUTY = "honours-reviewer";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private HonoursInputs() {
    }

    /** A checked call; {@code noticeDays} absent takes {@code defaultNoticeDays}. */
    static CallEditDTO call(CallEditDTO input, int defaultNoticeDays) {
        CallEditDTO in = Fields.body(input);
        int year = Fields.year("year", in.year());
        String title = Fields.text("title", in.title(), MAX_TITLE, true);
        String description = Fields.text("description", in.description(), MAX_DESCRIPTION, false);
        Instant opens = Fields.time("nominationOpens", in.nominationOpens());
        Instant closes = Fields.time("nominationCloses", in.nominationCloses());
        if (!closes.isAfter(opens)) {
            throw ApiException.invalidField("nominationCloses", "应晚于推荐开始时间", "must be after nominationOpens");
        }
        int noticeDays = in.noticeDays() == null ? defaultNoticeDays
                : Fields.number("noticeDays", in.noticeDays(), 1, MAX_NOTICE_DAYS);
        int quota = Fields.number("defaultQuota", in.defaultQuota(), 0, MAX_QUOTA);
        String duty = in.committeeDuty() == null ? DEFAULT_DUTY : in.committeeDuty().strip();
        if (!CODE.matcher(duty).matches()) {
            throw ApiException.invalidField("committeeDuty", "应为 2–40 位小写字母、数字或连字符，以字母开头",
                    "must be 2-40 lower-case letters, digits or hyphens, starting with a letter");
        }
        if (in.categories() == null || in.categories().isEmpty()) {
            throw ApiException.missingField("categories");
        }
        if (in.categories().size() > MAX_CATEGORIES) {
            throw ApiException.invalidField("categories", "最多 " + MAX_CATEGORIES + " 个奖项",
                    "at most " + MAX_CATEGORIES + " awards");
        }
        List<CategoryEditDTO> categories = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < in.categories().size(); i++) {
            CategoryEditDTO category = in.categories().get(i);
            String at = "categories[" + i + "].";
            if (category == null) {
                throw ApiException.missingField("categories[" + i + "]");
            }
            String code = Fields.text(at + "code", category.code(), 40, true);
            if (!CODE.matcher(code).matches()) {
                throw ApiException.invalidField(at + "code", "应为 2–40 位小写字母、数字或连字符，以字母开头",
                        "must be 2-40 lower-case letters, digits or hyphens, starting with a letter");
            }
            if (!codes.add(code)) {
                throw ApiException.invalidField(at + "code", "奖项代码重复", "is used twice");
            }
            if (category.kind() == null) {
                throw ApiException.missingField(at + "kind");
            }
            String memberCategory = Fields.text(at + "memberCategory", category.memberCategory(), 40, false);
            Integer years = category.minMemberYears() == null ? null
                    : Fields.number(at + "minMemberYears", category.minMemberYears(), 0, 60);
            if (category.kind() == HonourKind.GROUP && (memberCategory != null || years != null)) {
                throw ApiException.invalidField(at + "memberCategory", "集体奖项不设个人条件",
                        "a group award has no conditions on members");
            }
            categories.add(new CategoryEditDTO(code, Fields.text(at + "name", category.name(), MAX_TITLE, true),
                    category.kind(), Fields.number(at + "places", category.places(), 1, MAX_PLACES),
                    Fields.text(at + "eligibility", category.eligibility(), MAX_COMMENT, false), memberCategory, years));
        }
        List<QuotaDTO> quotas = new ArrayList<>();
        if (in.quotas() != null) {
            if (in.quotas().size() > MAX_QUOTAS) {
                throw ApiException.invalidField("quotas", "过多", "at most " + MAX_QUOTAS);
            }
            Set<Long> units = new HashSet<>();
            for (int i = 0; i < in.quotas().size(); i++) {
                QuotaDTO quotaOf = in.quotas().get(i);
                if (quotaOf == null || quotaOf.unitId() == null) {
                    throw ApiException.missingField("quotas[" + i + "].unitId");
                }
                if (!units.add(quotaOf.unitId())) {
                    throw ApiException.invalidField("quotas[" + i + "].unitId", "单位重复", "is listed twice");
                }
                quotas.add(new QuotaDTO(quotaOf.unitId(),
                        Fields.number("quotas[" + i + "].quota", quotaOf.quota(), 0, MAX_QUOTA)));
            }
        }
        return new CallEditDTO(year, title, description, opens, closes, noticeDays, quota, duty, categories, quotas);
    }

    static NominationEditDTO nomination(NominationEditDTO input) {
        NominationEditDTO in = Fields.body(input);
        if (in.categoryId() == null) {
            throw ApiException.missingField("categoryId");
        }
        if (in.unitId() == null) {
            throw ApiException.missingField("unitId");
        }
        if ((in.memberId() == null) == (in.nomineeUnitId() == null)) {
            throw ApiException.invalidField(in.memberId() == null ? "memberId" : "nomineeUnitId",
                    "个人奖项填写 memberId，集体奖项填写 nomineeUnitId，二者只填其一",
                    "give memberId for an individual award or nomineeUnitId for a group award, not both");
        }
        return new NominationEditDTO(in.categoryId(), in.unitId(), in.memberId(), in.nomineeUnitId(),
                Fields.text("caseText", in.caseText(), MAX_CASE, true));
    }
}
