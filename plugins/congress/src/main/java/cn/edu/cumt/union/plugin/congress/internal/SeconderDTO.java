package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;

import cn.edu.cumt.union.api.rest.Nullable;

/** A delegate invited to second (附议). */
public record SeconderDTO(long memberId, String name, boolean seconded, @Nullable Instant secondedAt) {
}
