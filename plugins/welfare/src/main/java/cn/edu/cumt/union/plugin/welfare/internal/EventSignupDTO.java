package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Instant;

/** One sign-up on an event's list (organisers only). */
public record EventSignupDTO(long memberId, String staffNo, String name, long unitId, Instant signedAt) {
}
