package cn.edu.cumt.union.api.duty;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A duty granted to a member: e.g. {@code proposal-committee} 提案委员会委员 for the university, or
 * {@code reviewer} 评审专家 for one unit, from one day to another.
 *
 * @param id        the grant's id
 * @param code      the duty's code, lower-case letters, digits and dashes, e.g. {@code delegation-head}
 * @param label     what users read, e.g. 代表团团长
 * @param memberId  the member who holds it
 * @param unitId    the scope: a unit (covering the units below it), or the university (covering every unit)
 * @param from      first day it holds (inclusive)
 * @param to        last day it holds (inclusive), or {@code null} until revoked
 * @param grantedBy the account that granted it
 * @param grantedAt when
 * @param revokedBy the account that revoked it, or {@code null} while not revoked
 * @param revokedAt when it was revoked, or {@code null}
 */
public record DutyDTO(long id, String code, String label, long memberId, long unitId, LocalDate from, LocalDate to,
        String grantedBy, Instant grantedAt, String revokedBy, Instant revokedAt) {
}
