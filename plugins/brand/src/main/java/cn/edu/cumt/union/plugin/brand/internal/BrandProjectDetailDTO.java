package cn.edu.cumt.union.plugin.brand.internal;

import java.util.List;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * One project with everything recorded on it. For callers who do not manage its unit, the review
 * comment, disbursements, inspection and history are {@code null} (see {@link BrandProjectDTO} for money).
 *
 * @param reviewComment the last review's reason or comments
 * @param history       every change of status, oldest first
 */
public record BrandProjectDetailDTO(BrandProjectDTO project, @Nullable String aims, @Nullable String plan, @Nullable String reviewComment,
        List<MilestoneDTO> milestones, List<DisbursementDTO> disbursements, @Nullable InspectionDTO inspection,
        @Nullable EvaluationDTO evaluation, List<TransitionDTO> history) {
}
