package cn.edu.cumt.union.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.edu.cumt.union.api.ballot.BallotChecks;
import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.BallotStatus;
import cn.edu.cumt.union.api.ballot.Ballots;
import cn.edu.cumt.union.api.ballot.ReceiptDTO;
import cn.edu.cumt.union.api.ballot.TallyDTO;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.rest.ApiException;

/**
 * Ballots in memory, for plugin unit tests, with the core's rules ({@link BallotChecks}): one vote per
 * member, only while open (per the clock), only if eligible (per the {@link Directory} and {@link Duties}
 * given), within the limits; the tally exists only once the ballot is closed or past its time. Members vote
 * with {@link #cast}, as they would at {@code POST /api/ballots/{id}/votes}. Every ballot belongs to the
 * plugin under test ({@link #OWNER}). Not a secrecy model: it keeps votes in a plain list.
 */
public final class FakeBallots implements Ballots {

    public static final String OWNER = "test";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private record Vote(String digest, List<Integer> choices) {
    }

    private record Held(BallotDTO ballot, Set<Long> voters, List<Vote> votes) {
    }

    private final Directory directory;
    private final Duties duties;
    private final Clock clock;
    private final Map<Long, Held> ballots = new ConcurrentHashMap<>();

    public FakeBallots(Directory directory, Duties duties, Clock clock) {
        this.directory = directory;
        this.duties = duties;
        this.clock = clock;
    }

    @Override
    public synchronized BallotDTO create(BallotDefinition definition) {
        BallotDefinition d = BallotChecks.validate(definition);
        long id = ballots.size() + 1L;
        BallotDTO ballot = new BallotDTO(id, OWNER, d.title(), d.options(), d.opensAt(), d.closesAt(), null,
                BallotStatus.SCHEDULED, d.secret(), d.audience(), d.dutyCode(), d.maxChoices(), d.maxPerCategory(), OWNER);
        ballots.put(id, new Held(ballot, ConcurrentHashMap.newKeySet(), new ArrayList<>()));
        return now(ballot);
    }

    @Override
    public synchronized BallotDTO close(long ballotId) {
        Held held = held(ballotId);
        BallotDTO ballot = now(held.ballot());
        if (ballot.closedAt() == null) {
            ballot = closed(ballot, clock.instant());
            ballots.put(ballotId, new Held(ballot, held.voters(), held.votes()));
        }
        return ballot;
    }

    @Override
    public Optional<BallotDTO> find(long ballotId) {
        return Optional.ofNullable(ballots.get(ballotId)).map(h -> now(h.ballot()));
    }

    @Override
    public List<BallotDTO> list() {
        return ballots.values().stream().map(h -> now(h.ballot())).sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    @Override
    public synchronized Optional<TallyDTO> tally(long ballotId) {
        BallotDTO ballot = find(ballotId).orElse(null);
        if (ballot == null || ballot.status() != BallotStatus.CLOSED) {
            return Optional.empty();
        }
        Held held = held(ballotId);
        List<TallyDTO.OptionCount> counts = new ArrayList<>();
        for (int i = 0; i < ballot.options().size(); i++) {
            int index = i;
            var option = ballot.options().get(i);
            counts.add(new TallyDTO.OptionCount(option.key(), option.label(), option.category(),
                    held.votes().stream().filter(v -> v.choices().contains(index)).count()));
        }
        List<TallyDTO.CountedVote> votes = held.votes().stream()
                .map(v -> new TallyDTO.CountedVote(v.digest(), keys(ballot, v.choices())))
                .sorted((a, b) -> a.digest().compareTo(b.digest())).toList();
        Instant published = ballot.closedAt();
        return Optional.of(new TallyDTO(ballotId, counts, held.votes().size(), votes, published));
    }

    @Override
    public boolean hasVoted(long ballotId, long memberId) {
        return ballots.containsKey(ballotId) && held(ballotId).voters().contains(memberId);
    }

    /** The member votes, as at {@code POST /api/ballots/{id}/votes}. @return their receipt */
    public synchronized ReceiptDTO cast(long memberId, long ballotId, List<String> keys) {
        BallotDTO ballot = find(ballotId).orElseThrow(() -> ApiException.notFound("ballot.not-found",
                "投票 " + ballotId + " 不存在", "Ballot " + ballotId + " not found"));
        BallotChecks.requireOpen(ballot);
        if (!eligible(ballot, memberId)) {
            throw ApiException.forbidden("ballot.not-eligible", "您不在本次投票的投票人范围内", "You may not vote on this ballot");
        }
        List<Integer> choices = BallotChecks.choices(ballot, keys);
        Held held = held(ballotId);
        if (!held.voters().add(memberId)) {
            throw ApiException.conflict("ballot.already-voted", "您已投过票，每人只能投一次", "You have already voted on this ballot");
        }
        String receipt = UUID.randomUUID().toString();
        String digest = sha256(receipt);
        held.votes().add(new Vote(digest, choices));
        return new ReceiptDTO(ballotId, receipt, digest, keys(ballot, choices));
    }

    /** @return whether the member may vote on the ballot today: in its audience, holding its duty */
    public boolean eligible(BallotDTO ballot, long memberId) {
        Audience audience = ballot.audience() == null ? Audience.everyone() : ballot.audience();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        return directory.includes(audience, memberId) && (ballot.dutyCode() == null || directory.findMember(memberId)
                .map(m -> duties.holds(memberId, ballot.dutyCode(), m.unitId(), today)).orElse(false));
    }

    private Held held(long ballotId) {
        Held held = ballots.get(ballotId);
        if (held == null) {
            throw ApiException.notFound("ballot.not-found", "投票 " + ballotId + " 不存在", "Ballot " + ballotId + " not found");
        }
        return held;
    }

    /** The ballot as of the clock: open between its times, closed at its closing time. */
    private BallotDTO now(BallotDTO ballot) {
        Instant now = clock.instant();
        if (ballot.closedAt() != null) {
            return ballot;
        }
        if (!now.isBefore(ballot.closesAt())) {
            return closed(ballot, ballot.closesAt());
        }
        return withStatus(ballot, now.isBefore(ballot.opensAt()) ? BallotStatus.SCHEDULED : BallotStatus.OPEN, null);
    }

    private static BallotDTO closed(BallotDTO ballot, Instant at) {
        return withStatus(ballot, BallotStatus.CLOSED, at);
    }

    private static BallotDTO withStatus(BallotDTO b, BallotStatus status, Instant closedAt) {
        return new BallotDTO(b.id(), b.owner(), b.title(), b.options(), b.opensAt(), b.closesAt(), closedAt, status,
                b.secret(), b.audience(), b.dutyCode(), b.maxChoices(), b.maxPerCategory(), b.createdBy());
    }

    private static List<String> keys(BallotDTO ballot, List<Integer> choices) {
        return choices.stream().map(i -> ballot.options().get(i).key()).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
