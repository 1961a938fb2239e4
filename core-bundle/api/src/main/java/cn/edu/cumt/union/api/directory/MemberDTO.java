package cn.edu.cumt.union.api.directory;

import java.time.LocalDate;
import java.util.Set;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A member of the union, as the directory shares it.
 *
 * @param id         the member's id
 * @param staffNo    工号, unique
 * @param name       the member's name
 * @param gender     {@code M} or {@code F}, may be {@code null}
 * @param birthDate  may be {@code null}
 * @param phone      may be {@code null}
 * @param email      may be {@code null}
 * @param unitId     the unit (二级单位工会) the member belongs to
 * @param groupId    the union group (工会小组), may be {@code null}
 * @param status     the membership status
 * @param joinDate   the date the member joined, may be {@code null}
 * @param categories tags such as {@code veteran}, {@code female}, {@code cadre}, {@code delegate}
 */
public record MemberDTO(long id, String staffNo, String name, @Nullable String gender, @Nullable LocalDate birthDate, @Nullable String phone,
        @Nullable String email, long unitId, @Nullable Long groupId, MemberStatus status, @Nullable LocalDate joinDate, Set<String> categories) {
}
