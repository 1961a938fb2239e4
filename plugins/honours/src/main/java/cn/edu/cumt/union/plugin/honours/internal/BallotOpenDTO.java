package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;

/** When the committee's ballot opens and closes. */
public record BallotOpenDTO(Instant opensAt, Instant closesAt) {
}
