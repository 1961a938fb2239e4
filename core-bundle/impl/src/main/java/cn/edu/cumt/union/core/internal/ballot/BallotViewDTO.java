package cn.edu.cumt.union.core.internal.ballot;

import cn.edu.cumt.union.api.ballot.BallotDTO;

/**
 * A ballot as a member reads it at {@code /api/ballots}.
 *
 * @param ballot   the ballot
 * @param eligible whether the caller may vote in it (today)
 * @param voted    whether the caller has voted in it (never which way)
 */
public record BallotViewDTO(BallotDTO ballot, boolean eligible, boolean voted) {
}
