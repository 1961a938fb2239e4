package cn.edu.cumt.union.plugin.welfare.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** A unit's places on a trip. */
public record QuotaDTO(Long unitId, Integer places, @Nullable String unitName) {
}
