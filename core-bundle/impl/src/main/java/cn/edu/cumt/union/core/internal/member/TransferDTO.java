package cn.edu.cumt.union.core.internal.member;

import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/** One transfer of a member between units. */
public record TransferDTO(long id, long memberId, long fromUnitId, long toUnitId, Instant at, @Nullable String actor,
        @Nullable String note) {

    static TransferDTO of(MemberTransferEntity entity) {
        return new TransferDTO(entity.getId(), entity.getMemberId(), entity.getFromUnitId(), entity.getToUnitId(),
                entity.getAt(), entity.getActor(), entity.getNote());
    }
}
