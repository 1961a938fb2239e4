package cn.edu.cumt.union.core.internal.member;

/** Body of {@code POST /api/members/{id}/transfer}. */
public record TransferRequestDTO(Long toUnitId, String note) {
}
