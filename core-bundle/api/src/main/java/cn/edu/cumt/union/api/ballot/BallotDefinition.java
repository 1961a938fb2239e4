package cn.edu.cumt.union.api.ballot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.edu.cumt.union.api.directory.Audience;

/**
 * What a plugin asks for when it creates a ballot.
 *
 * @param title          what voters read (Chinese), e.g. 第九届教代会提案工作委员会委员选举
 * @param options        the choices, 1 to {@value Ballots#MAX_OPTIONS}, keys unique
 * @param opensAt        votes are taken from this instant on
 * @param closesAt       and before this one; at it the tally is computed and published
 * @param secret         {@code true}: nobody can link a vote to its voter; {@code false}: real-name, the
 *                       owning plugin and union administrators can see who chose what
 * @param audience       who may vote by unit and category, or {@code null} for no such limit
 * @param dutyCode       who may vote by duty (held, for the voter's own unit, on the day of voting), or {@code null}
 * @param maxChoices     at most this many options per voter (at least 1)
 * @param maxPerCategory at most this many options of a category per voter; empty: no such limit
 *
 * Neither {@code audience} nor {@code dutyCode}: every active member may vote; both: a voter must meet both.
 */
public record BallotDefinition(String title, List<BallotOption> options, Instant opensAt, Instant closesAt,
        boolean secret, Audience audience, String dutyCode, int maxChoices, Map<String, Integer> maxPerCategory) {
}
