package cn.edu.cumt.union.plugin.honours.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A nomination as its unit writes it: the award ({@code categoryId}), the nominating unit, the nominee (a
 * member for an individual award, a unit or group for a group award) and the written case (事迹材料).
 */
public record NominationEditDTO(Long categoryId, Long unitId, @Nullable Long memberId, @Nullable Long nomineeUnitId,
        String caseText) {
}
