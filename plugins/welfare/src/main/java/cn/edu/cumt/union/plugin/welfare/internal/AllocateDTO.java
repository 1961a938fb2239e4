package cn.edu.cumt.union.plugin.welfare.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** The draw's seed; absent: a random one, recorded with the trip so the draw can be redone by anyone. */
public record AllocateDTO(@Nullable Long seed) {
}
