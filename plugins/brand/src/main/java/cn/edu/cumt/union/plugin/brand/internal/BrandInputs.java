package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import cn.edu.cumt.union.api.rest.ApiException;

/** Checks and normalises what clients send: lengths, money, years, dates, scores. Stateless; every failure is a 400. */
final class BrandInputs {

    static final int MAX_NAME = 200;
    static final int MAX_AIMS = 2000;
    static final int MAX_PLAN = 4000;
    static final int MAX_COMMENT = 2000;
    static final int MAX_USERNAME = 100;
    static final int MAX_TITLE = 200;
    static final int MAX_NOTE = 1000;
    static final int MAX_FINDINGS = 4000;
    static final int MAX_MILESTONES = 50;
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2099;
    /** 一千万元: far above any unit project, well inside DECIMAL(12,2). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000.00");
    static final LocalDate EARLIEST = LocalDate.of(MIN_YEAR, 1, 1);
    static final LocalDate LATEST = LocalDate.of(MAX_YEAR, 12, 31);

    private BrandInputs() {
    }

    /** Trims; blank counts as absent. */
    static String text(String field, String value, int max, boolean required) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw ApiException.missingField(field);
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw ApiException.invalidField(field, "长度不能超过 " + max, "longer than " + max + " characters");
        }
        return trimmed;
    }

    /** Yuan: more than 0, at most {@link #MAX_AMOUNT}, at most 2 decimals (never rounded silently); scale 2. */
    static BigDecimal money(String field, BigDecimal value) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value.signum() <= 0) {
            throw ApiException.invalidField(field, "金额必须大于 0", "must be more than 0");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw ApiException.invalidField(field, "金额不能超过 " + MAX_AMOUNT.toPlainString() + " 元",
                    "must not exceed " + MAX_AMOUNT.toPlainString() + " yuan");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw ApiException.invalidField(field, "金额最多保留两位小数（元、角、分）", "at most 2 decimals (fen)");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    static int year(String field, Integer value) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value < MIN_YEAR || value > MAX_YEAR) {
            throw ApiException.invalidField(field, "应在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间",
                    "must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return value;
    }

    /** An optional {@code year} query parameter. */
    static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return year("year", Integer.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("year", "应为四位年份", "must be a year such as 2026");
        }
    }

    /** An optional {@code status} query parameter. */
    static BrandStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BrandStatus.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "未知状态", "unknown status " + value.trim());
        }
    }

    /** A date within the years the platform accepts; when {@code today} is given, not after it. */
    static LocalDate date(String field, LocalDate value, LocalDate today) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw ApiException.invalidField(field, "应在 " + MIN_YEAR + " 年至 " + MAX_YEAR + " 年之间",
                    "must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        if (today != null && value.isAfter(today)) {
            throw ApiException.invalidField(field, "不能晚于今天", "must not be in the future");
        }
        return value;
    }

    /** A score from 0 to 100. */
    static int score(String field, Integer value) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value < 0 || value > 100) {
            throw ApiException.invalidField(field, "分数应在 0 至 100 之间", "must be between 0 and 100");
        }
        return value;
    }

    static MilestoneEditDTO milestone(MilestoneEditDTO input, LocalDate today) {
        if (input == null) {
            throw ApiException.missingField("(body)");
        }
        String title = text("title", input.title(), MAX_TITLE, true);
        LocalDate due = date("dueDate", input.dueDate(), null);
        boolean done = Boolean.TRUE.equals(input.done());
        LocalDate doneDate = null;
        if (done) {
            doneDate = date("doneDate", input.doneDate() == null ? today : input.doneDate(), today);
        } else if (input.doneDate() != null) {
            throw ApiException.invalidField("doneDate", "未完成的节点不能有完成日期", "only a done milestone has a done date");
        }
        return new MilestoneEditDTO(title, due, done, doneDate, text("note", input.note(), MAX_NOTE, false));
    }

    static DisbursementEditDTO disbursement(DisbursementEditDTO input, LocalDate today) {
        if (input == null) {
            throw ApiException.missingField("(body)");
        }
        return new DisbursementEditDTO(money("amount", input.amount()), date("paidOn", input.paidOn(), today),
                text("note", input.note(), MAX_NOTE, false));
    }

    static InspectionEditDTO inspection(InspectionEditDTO input, LocalDate today) {
        if (input == null) {
            throw ApiException.missingField("(body)");
        }
        LocalDate date = date("date", input.date(), today);
        String findings = text("findings", input.findings(), MAX_FINDINGS, true);
        if (input.rating() == null) {
            throw ApiException.missingField("rating");
        }
        return new InspectionEditDTO(date, findings, input.rating());
    }

    static EvaluationEditDTO evaluation(EvaluationEditDTO input) {
        if (input == null) {
            throw ApiException.missingField("(body)");
        }
        return new EvaluationEditDTO(score("distinctiveness", input.distinctiveness()),
                score("participation", input.participation()), score("results", input.results()),
                score("sustainability", input.sustainability()), text("comment", input.comment(), MAX_COMMENT, false));
    }

    /** 总分: the average of the four criteria, 2 decimals, half up. */
    static BigDecimal total(EvaluationEditDTO valid) {
        int sum = valid.distinctiveness() + valid.participation() + valid.results() + valid.sustainability();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
    }
}
