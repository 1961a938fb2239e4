package cn.edu.cumt.union.core.internal.member;

import cn.edu.cumt.union.api.directory.MemberStatus;

/**
 * Filters of the member search and export; {@code null} means "any".
 *
 * @param q        prefix of the name or of the staff number
 * @param unitId   a unit: its members and those of the units below it
 * @param status   the membership status
 * @param category a category code
 */
public record MemberQuery(String q, Long unitId, MemberStatus status, String category) {
}
