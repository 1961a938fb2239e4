package cn.edu.cumt.union.core.internal.member;

import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.rest.Nullable;

/** Body of {@code POST /api/members/{id}/status}. */
public record StatusChangeDTO(MemberStatus status, @Nullable String note) {
}
