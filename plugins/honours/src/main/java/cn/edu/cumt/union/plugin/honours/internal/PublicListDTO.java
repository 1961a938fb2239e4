package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** 公示 or 公布: a call's listed names, the notice period and whether it is open for objections now. */
public record PublicListDTO(long callId, int year, String title, CallStatus status, String statusLabel,
        @Nullable Instant noticeFrom, @Nullable Instant noticeUntil, boolean objectionsOpen, List<ListedDTO> items) {
}
