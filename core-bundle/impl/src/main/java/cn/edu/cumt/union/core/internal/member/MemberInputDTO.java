package cn.edu.cumt.union.core.internal.member;

import java.time.LocalDate;
import java.util.Set;

import cn.edu.cumt.union.api.directory.MemberStatus;

/**
 * Body of {@code POST /api/members} and {@code PUT /api/members/{id}}. On update the staff number
 * and the unit cannot change (the unit changes by a transfer, which keeps history).
 */
public record MemberInputDTO(String staffNo, String name, String gender, LocalDate birthDate, String phone,
        String email, Long unitId, Long groupId, MemberStatus status, LocalDate joinDate, Set<String> categories) {
}
