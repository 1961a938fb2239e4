package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;

import cn.edu.cumt.union.api.rest.Nullable;

/** An objection with its answer; only its filer and the union administrators read it. */
public record ObjectionDTO(long id, long callId, long nominationId, String nomineeName, long memberId,
        String filedBy, String reason, Instant filedAt, @Nullable String answer, @Nullable Boolean upheld,
        @Nullable String answeredBy, @Nullable Instant answeredAt) {
}
