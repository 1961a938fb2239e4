package cn.edu.cumt.union.core.internal.member;

import cn.edu.cumt.union.api.rest.Nullable;

/** Body of {@code POST /api/members/{id}/transfer}. */
public record TransferRequestDTO(Long toUnitId, @Nullable String note) {
}
