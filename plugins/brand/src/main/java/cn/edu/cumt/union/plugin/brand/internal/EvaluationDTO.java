package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * The final evaluation (结项评价) of a project.
 *
 * @param total the average of the four scores, 2 decimals
 * @param grade from the total: 优秀 90+, 良好 75+, 合格 60+, 不合格 below
 */
public record EvaluationDTO(int distinctiveness, int participation, int results, int sustainability,
        BigDecimal total, BrandGrade grade, String gradeLabel, @Nullable String comment, String evaluatedBy,
        Instant evaluatedAt) {
}
