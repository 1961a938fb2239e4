package cn.edu.cumt.union.core.internal.ballot;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.ballot.BallotChecks;
import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.BallotOption;
import cn.edu.cumt.union.api.ballot.ReceiptDTO;
import cn.edu.cumt.union.api.ballot.TallyDTO;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberPlacement;
import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.directory.DirectoryImpl;
import cn.edu.cumt.union.core.internal.duty.DutyService;

/**
 * Ballots: created and closed by their owner (a plugin, or {@code core} for the union's own), cast by
 * members. A cast locks the ballot's row (so a close cannot tally while a vote is landing), writes the
 * voter's row (its primary key refuses a second vote, also from a racing request) and fills a free vote
 * slot picked at random. A ballot past its closing time is closed, and its tally computed, by the first
 * read that finds it so: no counts exist before. Plugins reach it through {@link ScopedBallots}.
 */
@Component(service = BallotService.class)
public class BallotService {

    /** The owner of the ballots union administrators make at {@code /api/ballots}. */
    public static final String CORE = "core";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String TARGET_TYPE = "Ballot";
    private static final int LIST_LIMIT = 200;

    private final JpaTemplate jpa;
    private final Directory directory;
    private final Duties duties;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public BallotService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference DutyService duties, @Reference AuditLog audit) {
        this(jpa, new DirectoryImpl(jpa, null), duties, audit, Clock.systemUTC());
    }

    BallotService(JpaTemplate jpa, Directory directory, Duties duties, AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.duties = duties;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- owners ----

    /** Creates a ballot for {@code owner}, with one free vote slot per voter eligible now and some to spare. */
    public BallotDTO create(String owner, String createdBy, BallotDefinition input) {
        BallotDefinition valid = BallotChecks.validate(input);
        Instant now = clock.instant();
        int eligible = eligibleCount(valid, LocalDate.ofInstant(valid.opensAt().isAfter(now) ? valid.opensAt() : now, ZONE));
        BallotDTO created = jpa.txExpr(TransactionType.Required, em -> {
            BallotEntity ballot = new BallotEntity(owner, valid, createdBy, now);
            em.persist(ballot);
            em.flush();
            addSlots(em, ballot.getId(), BallotRules.initialSlots(eligible));
            return ballot.toDTO(now);
        });
        audit.record("ballot.create", TARGET_TYPE, String.valueOf(created.id()), "owner " + owner + " "
                + (created.secret() ? "secret" : "real-name") + " " + created.options().size() + " options "
                + created.opensAt() + ".." + created.closesAt() + " " + created.title());
        return created;
    }

    /** Closes the ballot now, if {@code owner} owns it ({@code null}: any owner), and publishes its tally. */
    public BallotDTO close(String owner, long id, String by) {
        BallotDTO ballot = find(id).filter(b -> owner == null || b.owner().equals(owner)).orElseThrow(() -> notFound(id));
        if (ballot.closedAt() != null) {
            return ballot;
        }
        return closeNow(id, clock.instant(), by);
    }

    /** @return the ballot, closed first if its time has passed */
    public Optional<BallotDTO> find(long id) {
        Instant now = clock.instant();
        Optional<BallotDTO> ballot = jpa.txExpr(TransactionType.Required,
                em -> Optional.ofNullable(em.find(BallotEntity.class, id)).map(b -> b.toDTO(now)));
        return ballot.map(b -> BallotRules.due(b, now) ? closeNow(id, b.closesAt(), null) : b);
    }

    /** @return the owner's ballots ({@code null}: everyone's), newest first, at most {@value #LIST_LIMIT} */
    public List<BallotDTO> list(String owner) {
        Instant now = clock.instant();
        List<BallotDTO> ballots = jpa.txExpr(TransactionType.Required, em -> {
            var query = em.createQuery("select b from BallotEntity b" + (owner == null ? "" : " where b.owner = :owner")
                    + " order by b.id desc", BallotEntity.class).setMaxResults(LIST_LIMIT);
            if (owner != null) {
                query.setParameter("owner", owner);
            }
            return query.getResultList().stream().map(b -> b.toDTO(now)).toList();
        });
        return ballots.stream().map(b -> BallotRules.due(b, now) ? closeNow(b.id(), b.closesAt(), null) : b).toList();
    }

    private BallotDTO closeNow(long id, Instant at, String by) {
        Instant now = clock.instant();
        boolean[] closedHere = { false };
        BallotDTO closed = jpa.txExpr(TransactionType.Required, em -> {
            BallotEntity ballot = em.find(BallotEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (!ballot.isClosed()) {
                List<List<Integer>> votes = new ArrayList<>();
                for (Object row : em.createNativeQuery("select CHOICES from UNION_BALLOT_VOTE where BALLOT_ID = ?1"
                        + " and FILLED = 1").setParameter(1, id).getResultList()) {
                    votes.add(BallotRules.decode(String.valueOf(row)));
                }
                ballot.close(at, BallotRules.count(ballot.options().size(), votes), votes.size());
                em.flush();
                closedHere[0] = true;
            }
            return ballot.toDTO(now);
        });
        if (closedHere[0]) {
            // the audit names neither voters nor choices: the published tally is the only account of those
            audit.record("ballot.close", TARGET_TYPE, String.valueOf(id), "owner " + closed.owner() + " "
                    + (by == null ? "closing time passed" : "closed by " + by));
        }
        return closed;
    }

    // ---- voters ----

    /** @return the ballots the user may see: eligible today, or voted in; union administrators and operators see all */
    public List<BallotViewDTO> visibleTo(UnionPrincipal user) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        boolean all = seesAll(user);
        List<BallotViewDTO> views = new ArrayList<>();
        for (BallotDTO ballot : list(null)) {
            boolean eligible = user.memberId() != null && eligible(ballot, user.memberId(), today);
            boolean voted = user.memberId() != null && hasVoted(ballot.id(), user.memberId());
            if (all || eligible || voted) {
                views.add(new BallotViewDTO(ballot, eligible, voted));
            }
        }
        return views;
    }

    /** @return the ballot as the user may read it; 404 when unknown, 403 when it does not concern them */
    public BallotViewDTO view(UnionPrincipal user, long id) {
        BallotDTO ballot = find(id).orElseThrow(() -> notFound(id));
        boolean eligible = user.memberId() != null && eligible(ballot, user.memberId(), LocalDate.ofInstant(clock.instant(), ZONE));
        boolean voted = user.memberId() != null && hasVoted(id, user.memberId());
        if (!eligible && !voted && !seesAll(user)) {
            throw ApiException.forbidden("ballot.not-eligible", "您不在本次投票的投票人范围内", "You may not vote on this ballot");
        }
        return new BallotViewDTO(ballot, eligible, voted);
    }

    /** @return the open ballots the user may vote in and has not voted in yet */
    public List<BallotDTO> waitingOn(UnionPrincipal user) {
        if (user.memberId() == null) {
            return List.of();
        }
        return visibleTo(user).stream().filter(v -> v.eligible() && !v.voted()
                && v.ballot().status() == cn.edu.cumt.union.api.ballot.BallotStatus.OPEN).map(BallotViewDTO::ballot).toList();
    }

    static boolean seesAll(UnionPrincipal user) {
        return user.hasRole(Roles.UNION_ADMIN) || user.hasRole(Roles.OPERATOR);
    }

    /** @return whether the member may vote on the ballot on the day: active, in its audience, holding its duty */
    public boolean eligible(BallotDTO ballot, long memberId, LocalDate day) {
        Optional<MemberPlacement> placement = directory.placement(memberId);
        if (placement.isEmpty()) {
            return false;
        }
        Audience audience = ballot.audience() == null ? Audience.everyone() : ballot.audience();
        return audience.includes(placement.get()) && (ballot.dutyCode() == null
                || duties.holds(memberId, ballot.dutyCode(), placement.get().member().unitId(), day));
    }

    /** Casts the member's vote. @return the receipt, which exists nowhere else afterwards */
    public ReceiptDTO cast(long memberId, long id, List<String> keys) {
        BallotDTO ballot = find(id).orElseThrow(() -> notFound(id));
        BallotChecks.requireOpen(ballot);
        Instant now = clock.instant();
        if (!eligible(ballot, memberId, LocalDate.ofInstant(now, ZONE))) {
            throw ApiException.forbidden("ballot.not-eligible", "您不在本次投票的投票人范围内", "You may not vote on this ballot");
        }
        List<Integer> choices = BallotChecks.choices(ballot, keys);
        String receipt = BallotRules.newReceipt();
        String digest = BallotRules.digest(receipt);
        try {
            jpa.tx(TransactionType.Required, em -> {
                BallotEntity locked = em.find(BallotEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                BallotChecks.requireOpen(locked.toDTO(clock.instant()));
                if (!clock.instant().isBefore(ballot.closesAt())) {
                    throw ApiException.conflict("ballot.closed", "投票已结束", "The ballot is closed");
                }
                if (voted(em, id, memberId)) {
                    throw alreadyVoted();
                }
                em.createNativeQuery("insert into UNION_BALLOT_VOTER (BALLOT_ID, MEMBER_ID, RECEIPT_DIGEST) values (?1, ?2, ?3)")
                        .setParameter(1, id).setParameter(2, memberId).setParameter(3, ballot.secret() ? null : digest)
                        .executeUpdate();
                fillSlot(em, id, digest, BallotRules.encode(choices));
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw alreadyVoted();
            }
            throw e;
        }
        return new ReceiptDTO(id, receipt, digest, choices.stream().map(i -> ballot.options().get(i).key()).toList());
    }

    public boolean hasVoted(long id, long memberId) {
        return jpa.txExpr(TransactionType.Required, em -> voted(em, id, memberId));
    }

    private static boolean voted(EntityManager em, long id, long memberId) {
        return !em.createNativeQuery("select MEMBER_ID from UNION_BALLOT_VOTER where BALLOT_ID = ?1 and MEMBER_ID = ?2")
                .setParameter(1, id).setParameter(2, memberId).getResultList().isEmpty();
    }

    /** Fills a free slot picked at random, adding free slots first when few are left. */
    private static void fillSlot(EntityManager em, long id, String digest, String choices) {
        int total = count(em, "select count(*) from UNION_BALLOT_VOTE where BALLOT_ID = ?1", id);
        int free = count(em, "select count(*) from UNION_BALLOT_VOTE where BALLOT_ID = ?1 and FILLED = 0", id);
        int more = BallotRules.slotsToAdd(total, free);
        if (more > 0) {
            addSlots(em, id, more);
            free += more;
        }
        Object slot = em.createNativeQuery("select SLOT_ID from UNION_BALLOT_VOTE where BALLOT_ID = ?1 and FILLED = 0"
                + " order by SLOT_ID").setParameter(1, id).setFirstResult(BallotRules.randomBelow(free)).setMaxResults(1)
                .getSingleResult();
        int filled = em.createNativeQuery("update UNION_BALLOT_VOTE set FILLED = 1, RECEIPT_DIGEST = ?1, CHOICES = ?2"
                + " where SLOT_ID = ?3 and FILLED = 0").setParameter(1, digest).setParameter(2, choices)
                .setParameter(3, slot).executeUpdate();
        if (filled != 1) {
            throw new IllegalStateException("vote slot taken under the ballot's lock");
        }
    }

    /** Inserts free slots with random ids, in random order. */
    private static void addSlots(EntityManager em, long id, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(BallotRules.newSlotId());
        }
        Collections.shuffle(ids, new java.security.SecureRandom());
        String blankDigest = BallotRules.pad("", 64);
        String blankChoices = BallotRules.encode(List.of());
        for (String slot : ids) {
            em.createNativeQuery("insert into UNION_BALLOT_VOTE (SLOT_ID, BALLOT_ID, FILLED, RECEIPT_DIGEST, CHOICES)"
                    + " values (?1, ?2, 0, ?3, ?4)").setParameter(1, slot).setParameter(2, id)
                    .setParameter(3, blankDigest).setParameter(4, blankChoices).executeUpdate();
        }
    }

    private static int count(EntityManager em, String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).intValue();
    }

    // ---- the tally ----

    /** @return the tally of a closed ballot (closing it first if its time has passed); empty while it is open */
    public Optional<TallyDTO> tally(long id) {
        BallotDTO ballot = find(id).orElseThrow(() -> notFound(id));
        if (ballot.closedAt() == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            BallotEntity entity = em.find(BallotEntity.class, id);
            long[] counts = entity.tallyCounts();
            List<BallotOption> options = ballot.options();
            List<TallyDTO.OptionCount> perOption = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                BallotOption o = options.get(i);
                perOption.add(new TallyDTO.OptionCount(o.key(), o.label(), o.category(), counts[i]));
            }
            List<TallyDTO.CountedVote> votes = new ArrayList<>();
            for (Object row : em.createNativeQuery("select RECEIPT_DIGEST, CHOICES from UNION_BALLOT_VOTE"
                    + " where BALLOT_ID = ?1 and FILLED = 1 order by RECEIPT_DIGEST").setParameter(1, id).getResultList()) {
                Object[] cells = (Object[]) row;
                votes.add(new TallyDTO.CountedVote(String.valueOf(cells[0]).strip(), keys(options, String.valueOf(cells[1]))));
            }
            return Optional.of(new TallyDTO(id, perOption, entity.tallyVoters(), votes, entity.getClosedAt()));
        });
    }

    /** @return the vote counted with this receipt in the published tally, or empty (also before it is published) */
    public Optional<TallyDTO.CountedVote> verify(long id, String receipt) {
        String digest = BallotRules.digest(receipt == null ? "" : receipt.strip());
        return tally(id).flatMap(t -> t.votes().stream().filter(v -> v.digest().equals(digest)).findFirst());
    }

    private static List<String> keys(List<BallotOption> options, String stored) {
        return BallotRules.decode(stored).stream().map(i -> options.get(i).key()).toList();
    }

    // ---- helpers ----

    private int eligibleCount(BallotDefinition ballot, LocalDate day) {
        if (ballot.audience() == null && ballot.dutyCode() != null) {
            return directory.units().stream().filter(u -> u.parentId() == null).findFirst()
                    .map(root -> duties.holders(ballot.dutyCode(), root.id(), day).size()).orElse(0);
        }
        Audience audience = ballot.audience() == null ? Audience.everyone() : ballot.audience();
        return (int) directory.countByUnit(audience).values().stream().mapToLong(Long::longValue).sum();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ApiException alreadyVoted() {
        return ApiException.conflict("ballot.already-voted", "您已投过票，每人只能投一次", "You have already voted on this ballot");
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("ballot.not-found", "投票 " + id + " 不存在", "Ballot " + id + " not found");
    }
}
