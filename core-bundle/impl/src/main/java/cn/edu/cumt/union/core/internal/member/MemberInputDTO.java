package cn.edu.cumt.union.core.internal.member;

import java.time.LocalDate;
import java.util.Set;

import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * Body of {@code POST /api/members} and {@code PUT /api/members/{id}}. On update the staff number
 * and the unit cannot change (the unit changes by a transfer, which keeps history).
 */
public record MemberInputDTO(String staffNo, String name, @Nullable String gender, @Nullable LocalDate birthDate, @Nullable String phone,
        @Nullable String email, Long unitId, @Nullable Long groupId, @Nullable MemberStatus status, @Nullable LocalDate joinDate, @Nullable Set<String> categories) {
}
