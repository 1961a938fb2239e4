package cn.edu.cumt.union.plugin.welfare.internal;

import java.util.List;

import cn.edu.cumt.union.api.attachment.AttachmentDTO;
import cn.edu.cumt.union.api.rest.Nullable;

/** One application in full, with its history and its documents (upload them to /api/attachments/welfare/case/{id}). */
public record HardshipDetailDTO(HardshipCaseDTO application, String reason, @Nullable String idNumber,
        @Nullable String phone, @Nullable String lastComment, @Nullable String paymentNote, List<HardshipStepDTO> history,
        List<AttachmentDTO> attachments) {
}
