package cn.edu.cumt.union.api.ballot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.edu.cumt.union.api.directory.Audience;

/**
 * A ballot as the core keeps it.
 *
 * @param id             the ballot's id
 * @param owner          the plugin that created it ({@code core} for the union's own, made at {@code /api/ballots})
 * @param title          what voters read
 * @param options        the choices
 * @param opensAt        when voting opens
 * @param closesAt       when voting closes, as planned
 * @param closedAt       when it was closed (its time, or earlier by its plugin), or {@code null} while not closed
 * @param status         where it stands now
 * @param secret         whether a vote cannot be linked to its voter
 * @param audience       who may vote by unit and category, or {@code null}
 * @param dutyCode       who may vote by duty, or {@code null}
 * @param maxChoices     at most this many options per voter
 * @param maxPerCategory at most this many options of a category per voter
 * @param createdBy      the account (or plugin) that created it
 */
public record BallotDTO(long id, String owner, String title, List<BallotOption> options, Instant opensAt,
        Instant closesAt, Instant closedAt, BallotStatus status, boolean secret, Audience audience, String dutyCode,
        int maxChoices, Map<String, Integer> maxPerCategory, String createdBy) {
}
