package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;
import java.util.List;

import cn.edu.cumt.union.api.attachment.AttachmentDTO;
import cn.edu.cumt.union.api.rest.Nullable;

/** One proposal with its seconders, decision, answer and ratings. */
public record ProposalDetailDTO(ProposalDTO proposal, String reason, String measures, int secondsRequired, List<SeconderDTO> seconders, @Nullable String decisionReason, @Nullable Long mergedIntoId, List<Long> mergedIds, List<Long> coUnitIds, @Nullable String answer, @Nullable Instant answeredAt, int answerRound, List<RatingDTO> ratings, @Nullable List<TransitionDTO> history, List<AttachmentDTO> files, List<AttachmentDTO> answerFiles) {
}
