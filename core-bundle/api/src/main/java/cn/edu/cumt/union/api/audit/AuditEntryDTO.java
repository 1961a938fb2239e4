package cn.edu.cumt.union.api.audit;

import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * One line of the audit log.
 *
 * @param id         its sequence number
 * @param at         when it happened
 * @param actor      who: a username, {@code anonymous}, or {@code system}
 * @param source     from where: the client address, or {@code console}
 * @param action     what, e.g. {@code member.update}
 * @param targetType which kind of record
 * @param targetId   which record
 * @param outcome    {@code ok}, {@code denied} or {@code failed}
 * @param detail     a short summary
 */
public record AuditEntryDTO(long id, Instant at, @Nullable String actor, @Nullable String source, String action, @Nullable String targetType,
        @Nullable String targetId, String outcome, @Nullable String detail) {
}
