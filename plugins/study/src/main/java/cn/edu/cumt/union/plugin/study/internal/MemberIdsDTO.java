package cn.edu.cumt.union.plugin.study.internal;

import java.util.List;

/** Members an organiser records as present (补录出勤). */
public record MemberIdsDTO(List<Long> memberIds) {
}
