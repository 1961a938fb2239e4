package cn.edu.cumt.union.core.internal.duty;

import java.time.LocalDate;

/**
 * {@code POST /api/duties}: grant a duty.
 *
 * @param code     lower-case letters, digits and dashes, 2 to 40, starting with a letter, e.g. {@code reviewer}
 * @param label    the Chinese name, e.g. 评审专家, at most 100 characters
 * @param memberId the member
 * @param unitId   the scope: a unit, or the university's own id for every unit
 * @param from     first day (inclusive)
 * @param to       last day (inclusive), or absent until revoked
 */
public record DutyGrantDTO(String code, String label, Long memberId, Long unitId, LocalDate from, LocalDate to) {
}
