package cn.edu.cumt.union.plugin.brand.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * The final evaluation (结项评价): a score from 0 to 100 on each criterion.
 *
 * @param distinctiveness 特色
 * @param participation   参与度
 * @param results         成效
 * @param sustainability  可持续
 * @param comment         评价意见, optional
 */
public record EvaluationEditDTO(Integer distinctiveness, Integer participation, Integer results,
        Integer sustainability, @Nullable String comment) {
}
