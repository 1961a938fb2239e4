package cn.edu.cumt.union.api.ballot;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Ballots, for plugins: one instance per using bundle, which owns the ballots it creates and sees only
 * those. A unit's own plugin ({@code Union-Plugin-Unit}) may only create ballots whose audience lies within
 * its unit. Members vote at {@code POST /api/ballots/{id}/votes}, never through a plugin, so that no plugin
 * can vote for a member; the same rules hold there: one vote per voter, only while open, only if eligible
 * on the day of voting, within the limits. Implemented by the core; thread-safe; creating and closing is audited.
 * Errors are {@code ApiException}s with codes {@code ballot.*}.
 */
@ProviderType
public interface Ballots {

    /** The most options a ballot may have. */
    int MAX_OPTIONS = 100;

    /** @return the ballot created, owned by the calling plugin */
    BallotDTO create(BallotDefinition definition);

    /** Closes an own ballot now (if it is not closed yet) and publishes its tally. @return the ballot closed */
    BallotDTO close(long ballotId);

    /** @return an own ballot, or empty (also when it is another plugin's) */
    Optional<BallotDTO> find(long ballotId);

    /** @return the calling plugin's ballots, newest first */
    List<BallotDTO> list();

    /** @return the published tally of an own ballot, or empty while it is not closed */
    Optional<TallyDTO> tally(long ballotId);

    /** @return whether the member has voted on an own ballot (never which way, for a secret ballot) */
    boolean hasVoted(long ballotId, long memberId);
}
