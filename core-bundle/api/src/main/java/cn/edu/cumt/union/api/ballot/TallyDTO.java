package cn.edu.cumt.union.api.ballot;

import java.time.Instant;
import java.util.List;

/**
 * The result of a closed ballot: published once, never before it closes.
 *
 * @param ballotId    the ballot
 * @param counts      one per option, in ballot order
 * @param voters      how many voted (a vote may choose no option: a blank vote counts as a voter)
 * @param votes       every counted vote, by its receipt's digest, in digest order, so each voter can find theirs
 * @param publishedAt when the tally was computed
 */
public record TallyDTO(long ballotId, List<OptionCount> counts, long voters, List<CountedVote> votes,
        Instant publishedAt) {

    /** @param key the option's key @param label its label @param category its category @param count the votes for it */
    public record OptionCount(String key, String label, String category, long count) {
    }

    /** @param digest the SHA-256 of a receipt, hex @param choices the keys chosen with it */
    public record CountedVote(String digest, List<String> choices) {
    }
}
