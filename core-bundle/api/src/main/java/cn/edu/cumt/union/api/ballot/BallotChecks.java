package cn.edu.cumt.union.api.ballot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * The rules every ballot shares, as pure functions: the core applies them, and the test kit's fake ballots
 * apply the same. Each refusal is an {@link ApiException} with its own code ({@code ballot.*} or a field error).
 */
public final class BallotChecks {

    public static final int MAX_TITLE = 200;
    public static final int MAX_LABEL = 200;
    public static final int MAX_CATEGORY = 40;
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final Pattern DUTY = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private BallotChecks() {
    }

    // ---- a ballot's definition ----

    /** @return the definition trimmed and checked, or an {@code ApiException} naming the first bad field */
    public static BallotDefinition validate(BallotDefinition input) {
        if (input == null) {
            throw ApiException.missingField("(body)");
        }
        String title = text("title", input.title(), MAX_TITLE);
        if (input.options() == null || input.options().isEmpty()) {
            throw ApiException.missingField("options");
        }
        if (input.options().size() > Ballots.MAX_OPTIONS) {
            throw ApiException.invalidField("options", "最多 " + Ballots.MAX_OPTIONS + " 个选项",
                    "at most " + Ballots.MAX_OPTIONS + " options");
        }
        List<BallotOption> options = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < input.options().size(); i++) {
            BallotOption option = input.options().get(i);
            String field = "options[" + i + "]";
            if (option == null) {
                throw ApiException.missingField(field);
            }
            String key = option.key() == null ? "" : option.key().trim();
            if (!KEY.matcher(key).matches()) {
                throw ApiException.invalidField(field + ".key", "应为 1–40 位字母、数字、下划线或连字符",
                        "1 to 40 letters, digits, underscores or dashes");
            }
            if (!keys.add(key)) {
                throw ApiException.invalidField(field + ".key", "选项标识 " + key + " 重复", "option key " + key + " repeated");
            }
            String category = option.category() == null || option.category().isBlank() ? null
                    : category(field + ".category", option.category());
            options.add(new BallotOption(key, text(field + ".label", option.label(), MAX_LABEL), category));
        }
        if (input.opensAt() == null) {
            throw ApiException.missingField("opensAt");
        }
        if (input.closesAt() == null) {
            throw ApiException.missingField("closesAt");
        }
        if (!input.closesAt().isAfter(input.opensAt())) {
            throw ApiException.invalidField("closesAt", "截止时间应晚于开始时间", "must be after opensAt");
        }
        String duty = input.dutyCode() == null || input.dutyCode().isBlank() ? null : input.dutyCode().trim();
        if (duty != null && !DUTY.matcher(duty).matches()) {
            throw ApiException.invalidField("dutyCode", "应为 2–40 位小写字母、数字或连字符，以字母开头",
                    "2 to 40 lower-case letters, digits or dashes, starting with a letter");
        }
        if (input.maxChoices() < 1 || input.maxChoices() > options.size()) {
            throw ApiException.invalidField("maxChoices", "应在 1 到选项数 " + options.size() + " 之间",
                    "between 1 and the number of options, " + options.size());
        }
        Map<String, Integer> limits = new LinkedHashMap<>();
        Set<String> categories = options.stream().map(BallotOption::category).filter(c -> c != null)
                .collect(Collectors.toSet());
        if (input.maxPerCategory() != null) {
            for (Map.Entry<String, Integer> limit : input.maxPerCategory().entrySet()) {
                String category = category("maxPerCategory", limit.getKey());
                if (!categories.contains(category)) {
                    throw ApiException.invalidField("maxPerCategory", "没有选项属于类别 " + category,
                            "no option is of category " + category);
                }
                if (limit.getValue() == null || limit.getValue() < 1) {
                    throw ApiException.invalidField("maxPerCategory", "类别 " + category + " 的上限应至少为 1",
                            "the limit for " + category + " must be at least 1");
                }
                limits.put(category, limit.getValue());
            }
        }
        return new BallotDefinition(title, List.copyOf(options), input.opensAt(), input.closesAt(), input.secret(),
                input.audience(), duty, input.maxChoices(), Map.copyOf(limits));
    }

    private static String text(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw ApiException.missingField(field);
        }
        if (text.length() > max || text.chars().anyMatch(c -> c < 0x20)) {
            throw ApiException.invalidField(field, "最多 " + max + " 个字符，不含控制字符",
                    "at most " + max + " characters, no control characters");
        }
        return text;
    }

    private static String category(String field, String value) {
        String category = text(field, value, MAX_CATEGORY);
        if (category.contains("=")) {
            throw ApiException.invalidField(field, "类别不能含等号", "a category cannot contain '='");
        }
        return category;
    }

    // ---- a vote ----

    /** A vote may be cast only while the ballot is open. */
    public static void requireOpen(BallotDTO ballot) {
        if (ballot.status() == BallotStatus.SCHEDULED) {
            throw ApiException.conflict("ballot.not-open", "投票尚未开始（" + ballot.opensAt() + " 开始）",
                    "The ballot opens at " + ballot.opensAt());
        }
        if (ballot.status() == BallotStatus.CLOSED) {
            throw ApiException.conflict("ballot.closed", "投票已结束", "The ballot is closed");
        }
    }

    /**
     * @param keys the option keys chosen (none: a blank vote)
     * @return the indexes of the options chosen, ascending
     */
    public static List<Integer> choices(BallotDTO ballot, List<String> keys) {
        List<String> chosen = keys == null ? List.of() : keys;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ballot.options().size(); i++) {
            index.put(ballot.options().get(i).key(), i);
        }
        TreeSet<Integer> picked = new TreeSet<>();
        for (String key : chosen) {
            Integer i = key == null ? null : index.get(key);
            if (i == null) {
                throw ApiException.badRequest("ballot.unknown-option", "选项 " + key + " 不在本次投票中",
                        "Option " + key + " is not on this ballot");
            }
            if (!picked.add(i)) {
                throw ApiException.badRequest("ballot.duplicate-option", "选项 " + key + " 选了两次",
                        "Option " + key + " chosen twice");
            }
        }
        if (picked.size() > ballot.maxChoices()) {
            throw ApiException.badRequest("ballot.too-many-choices", "最多选择 " + ballot.maxChoices() + " 项",
                    "At most " + ballot.maxChoices() + " choices");
        }
        Map<String, Integer> perCategory = new HashMap<>();
        for (int i : picked) {
            String category = ballot.options().get(i).category();
            if (category != null) {
                perCategory.merge(category, 1, Integer::sum);
            }
        }
        ballot.maxPerCategory().forEach((category, max) -> {
            if (perCategory.getOrDefault(category, 0) > max) {
                throw ApiException.badRequest("ballot.too-many-in-category",
                        "类别“" + category + "”最多选择 " + max + " 项", "At most " + max + " choices of " + category);
            }
        });
        return List.copyOf(picked);
    }
}
