package cn.edu.cumt.union.plugin.congress.internal;

import java.util.List;

/** Members named by id: delegates to add, seconders to invite. */
public record MemberIdsDTO(List<Long> memberIds) {
}
