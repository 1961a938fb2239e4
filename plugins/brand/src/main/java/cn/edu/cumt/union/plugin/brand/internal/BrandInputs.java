package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;

/**
 * Brand's own checks on what clients send (money, scores, the milestone and evaluation bodies) on top of
 * the kit's {@link Fields}, which does the common ones. Stateless; every failure is a 400.
 */
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
    /** 一千万元: far above any unit project, well inside DECIMAL(12,2). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000.00");

    private BrandInputs() {
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

    /** An optional {@code year} query parameter. */
    static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Fields.year("year", Integer.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("year", "应为四位年份", "must be a year such as 2026");
        }
    }

    /** A date within the years the platform accepts; when {@code today} is given, not after it. */
    static LocalDate date(String field, LocalDate value, LocalDate today) {
        Fields.date(field, value);
        if (today != null && value.isAfter(today)) {
            throw ApiException.invalidField(field, "不能晚于今天", "must not be in the future");
        }
        return value;
    }

    /** A score from 0 to 100. */
    static int score(String field, Integer value) {
        return Fields.number(field, value, 0, 100);
    }

    static MilestoneEditDTO milestone(MilestoneEditDTO input, LocalDate today) {
        Fields.body(input);
        String title = Fields.text("title", input.title(), MAX_TITLE, true);
        LocalDate due = date("dueDate", input.dueDate(), null);
        boolean done = Boolean.TRUE.equals(input.done());
        LocalDate doneDate = null;
        if (done) {
            doneDate = date("doneDate", input.doneDate() == null ? today : input.doneDate(), today);
        } else if (input.doneDate() != null) {
            throw ApiException.invalidField("doneDate", "未完成的节点不能有完成日期", "only a done milestone has a done date");
        }
        return new MilestoneEditDTO(title, due, done, doneDate, Fields.text("note", input.note(), MAX_NOTE, false));
    }

    static DisbursementEditDTO disbursement(DisbursementEditDTO input, LocalDate today) {
        Fields.body(input);
        return new DisbursementEditDTO(money("amount", input.amount()), date("paidOn", input.paidOn(), today),
                Fields.text("note", input.note(), MAX_NOTE, false));
    }

    static InspectionEditDTO inspection(InspectionEditDTO input, LocalDate today) {
        Fields.body(input);
        LocalDate date = date("date", input.date(), today);
        String findings = Fields.text("findings", input.findings(), MAX_FINDINGS, true);
        if (input.rating() == null) {
            throw ApiException.missingField("rating");
        }
        return new InspectionEditDTO(date, findings, input.rating());
    }

    static EvaluationEditDTO evaluation(EvaluationEditDTO input) {
        Fields.body(input);
        return new EvaluationEditDTO(score("distinctiveness", input.distinctiveness()),
                score("participation", input.participation()), score("results", input.results()),
                score("sustainability", input.sustainability()), Fields.text("comment", input.comment(), MAX_COMMENT, false));
    }

    /** 总分: the average of the four criteria, 2 decimals, half up. */
    static BigDecimal total(EvaluationEditDTO valid) {
        int sum = valid.distinctiveness() + valid.participation() + valid.results() + valid.sustainability();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
    }
}
