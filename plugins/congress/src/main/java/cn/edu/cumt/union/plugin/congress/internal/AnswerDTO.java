package cn.edu.cumt.union.plugin.congress.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** The lead department's answer (files go to the attachments of record type answer). */
public record AnswerDTO(@Nullable String text) {
}
