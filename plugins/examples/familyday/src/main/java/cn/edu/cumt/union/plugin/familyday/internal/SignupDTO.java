package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Instant;

/** A sign-up as the REST API shows it: the member and the family members coming along. */
public record SignupDTO(long activityId, long memberId, String memberName, int adults, int children, Instant signedUpAt) {
}
