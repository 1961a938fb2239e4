package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;

/** The grade of a final evaluation, from its total score (0–100). */
public enum BrandGrade {
    /** 优秀: 90 and above. */
    EXCELLENT("优秀", 90),
    /** 良好: 75 to below 90. */
    GOOD("良好", 75),
    /** 合格: 60 to below 75. */
    PASS("合格", 60),
    /** 不合格: below 60. */
    FAIL("不合格", 0);

    private final String label;
    private final BigDecimal from;

    BrandGrade(String label, int from) {
        this.label = label;
        this.from = BigDecimal.valueOf(from);
    }

    public String label() {
        return label;
    }

    /** The grade of a total score: the first whose lower bound it reaches. */
    static BrandGrade of(BigDecimal total) {
        for (BrandGrade grade : values()) {
            if (total.compareTo(grade.from) >= 0) {
                return grade;
            }
        }
        return FAIL;
    }
}
