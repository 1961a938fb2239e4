package cn.edu.cumt.union.plugin.welfare.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * 疗休养: the union creates a trip with places per unit and who is eligible (member categories, years
 * since joining, from the directory); members sign up while it is open; the union then allocates each
 * oversubscribed unit's places by priority categories and a seeded draw ({@link TripDraw}), recording
 * the seed and, for every member, the result and why.
 */
@Component(service = TripService.class)
public class TripService {

    static final String TARGET_TYPE = "WelfareTrip";
    static final int MAX_PLACES = 10_000;

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public TripService(@Reference(target = "(osgi.unit.name=union-welfare)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=welfare)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit) {
        this(jpa, directory, access, audit, Clock.systemUTC());
    }

    TripService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** 发布疗休养: union administrators. */
    public TripDTO create(UnionPrincipal caller, TripEditDTO input) {
        HardshipService.requireUnionAdmin(caller);
        Fields.body(input);
        String title = Fields.text("title", input.title(), WelfareInputs.MAX_TITLE, true);
        String destination = Fields.text("destination", input.destination(), WelfareInputs.MAX_TITLE, true);
        LocalDate starts = Fields.date("startsOn", input.startsOn());
        LocalDate ends = Fields.date("endsOn", input.endsOn());
        LocalDate until = Fields.date("signupUntil", input.signupUntil());
        if (ends.isBefore(starts)) {
            throw ApiException.invalidField("endsOn", "不能早于开始日期", "must not be before startsOn");
        }
        if (!until.isBefore(starts)) {
            throw ApiException.invalidField("signupUntil", "报名截止应早于出发日期", "must be before startsOn");
        }
        List<String> eligible = WelfareInputs.categories("eligibleCategories", input.eligibleCategories());
        List<String> priorities = WelfareInputs.categories("priorityCategories", input.priorityCategories());
        int minYears = input.minYears() == null ? 0 : Fields.number("minYears", input.minYears(), 0, 60);
        if (input.quotas() == null || input.quotas().isEmpty()) {
            throw ApiException.missingField("quotas");
        }
        if (input.quotas().size() > WelfareInputs.MAX_QUOTAS) {
            throw ApiException.invalidField("quotas", "最多 " + WelfareInputs.MAX_QUOTAS + " 个单位", "at most "
                    + WelfareInputs.MAX_QUOTAS + " units");
        }
        Map<Long, Integer> quotas = new TreeMap<>();
        for (QuotaDTO quota : input.quotas()) {
            if (quota == null || quota.unitId() == null) {
                throw ApiException.missingField("quotas.unitId");
            }
            int places = Fields.number("quotas.places", quota.places(), 1, MAX_PLACES);
            UnitDTO unit = directory.findUnit(quota.unitId()).orElse(null);
            if (unit == null || unit.retired() || unit.kind() != UnitKind.UNIT) {
                throw ApiException.invalidField("quotas.unitId", "单位 " + quota.unitId() + " 不是二级单位工会",
                        "unit " + quota.unitId() + " is not a unit union");
            }
            if (quotas.put(quota.unitId(), places) != null) {
                throw ApiException.invalidField("quotas.unitId", "单位重复", "unit " + quota.unitId() + " twice");
            }
        }
        Instant now = clock.instant();
        TripDTO created = jpa.txExpr(TransactionType.Required, em -> {
            TripEntity trip = new TripEntity(caller.username(), now);
            trip.title = title;
            trip.destination = destination;
            trip.startsOn = starts;
            trip.endsOn = ends;
            trip.signupUntil = until;
            trip.eligibleCategories = WelfareInputs.join(eligible);
            trip.priorityCategories = WelfareInputs.join(priorities);
            trip.minYears = minYears;
            em.persist(trip);
            em.flush();
            quotas.forEach((unit, places) -> em.persist(new TripQuotaEntity(trip.id, unit, places)));
            em.flush();
            return dto(em, trip, null);
        });
        audit.record("welfare.trip.create", TARGET_TYPE, String.valueOf(created.id()), title);
        return created;
    }

    /** Every trip, latest first, each with the caller's own sign-up. Trips themselves are not private. */
    public PageDTO<TripDTO> list(UnionPrincipal caller, int offset, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<TripEntity> trips = em.createQuery("select t from TripEntity t order by t.startsOn desc, t.id desc",
                    TripEntity.class).setFirstResult(offset).setMaxResults(limit).getResultList();
            long total = em.createQuery("select count(t) from TripEntity t", Long.class).getSingleResult();
            return new PageDTO<>(trips.stream().map(t -> dto(em, t, caller)).toList(), total, offset, limit);
        });
    }

    public TripDTO get(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> dto(em, trip(em, id), caller));
    }

    /** 报名: an eligible member for themselves, until the sign-up day ends; a second call answers the first. */
    public TripDTO signUp(UnionPrincipal caller, long id) {
        long memberId = memberOf(caller);
        MemberDTO member = directory.findMember(memberId).orElseThrow(() -> notEligible("不在会员名册中", "not in the directory"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, HardshipService.ZONE);
        TripDTO result;
        try {
            result = jpa.txExpr(TransactionType.Required, em -> {
                TripEntity trip = trip(em, id);
                if (!TripEntity.OPEN.equals(trip.status) || today.isAfter(trip.signupUntil)) {
                    throw ApiException.conflict("welfare.trip.closed", "报名已截止", "Sign-up has closed");
                }
                if (signup(em, id, memberId) == null) {
                    requireEligible(em, trip, member);
                    List<String> priorities = WelfareInputs.split(trip.priorityCategories);
                    int tier = TripDraw.tier(priorities, member.categories());
                    em.persist(new TripSignupEntity(id, memberId, member.unitId(), tier,
                            tier < priorities.size() ? priorities.get(tier) : null, now));
                    em.flush();
                }
                return dto(em, trip, caller);
            });
        } catch (PersistenceException twice) {
            // two sign-ups at once: the unique key let one in
            result = get(caller, id);
        }
        audit.record("welfare.trip.signup", TARGET_TYPE, String.valueOf(id), "member " + memberId);
        return result;
    }

    /** 取消报名 before the allocation. */
    public void cancel(UnionPrincipal caller, long id) {
        long memberId = memberOf(caller);
        boolean removed = jpa.txExpr(TransactionType.Required, em -> {
            TripEntity trip = trip(em, id);
            TripSignupEntity signup = signup(em, id, memberId);
            if (signup == null) {
                return false;
            }
            if (!TripEntity.OPEN.equals(trip.status)) {
                throw ApiException.conflict("welfare.trip.allocated", "名额已分配，不能取消报名",
                        "Places are allocated; the sign-up cannot be cancelled");
            }
            em.remove(signup);
            return true;
        });
        if (removed) {
            audit.record("welfare.trip.cancel", TARGET_TYPE, String.valueOf(id), "member " + memberId);
        }
    }

    /** 分配名额 once sign-up has closed: union administrators, once per trip. */
    public TripDTO allocate(UnionPrincipal caller, long id, AllocateDTO input) {
        HardshipService.requireUnionAdmin(caller);
        long seed = input != null && input.seed() != null ? input.seed() : random.nextLong();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, HardshipService.ZONE);
        TripDTO result;
        try {
            result = jpa.txExpr(TransactionType.Required, em -> {
                TripEntity trip = trip(em, id);
                if (!TripEntity.OPEN.equals(trip.status)) {
                    throw ApiException.conflict("welfare.trip.allocated", "名额已于 " + trip.allocatedAt + " 分配（种子 "
                            + trip.seed + "）", "Places were allocated at " + trip.allocatedAt + " (seed " + trip.seed + ")");
                }
                if (!today.isAfter(trip.signupUntil)) {
                    throw ApiException.conflict("welfare.trip.signup-open", "报名截止（" + trip.signupUntil + "）后才能分配名额",
                            "Places are allocated after sign-up closes on " + trip.signupUntil);
                }
                Map<Long, Integer> quotas = quotas(em, id);
                Map<Long, List<TripSignupEntity>> byUnit = new TreeMap<>();
                for (TripSignupEntity s : signups(em, id)) {
                    byUnit.computeIfAbsent(s.unitId, u -> new ArrayList<>()).add(s);
                }
                for (Map.Entry<Long, List<TripSignupEntity>> unit : byUnit.entrySet()) {
                    Map<Long, TripSignupEntity> byMember = new HashMap<>();
                    List<TripDraw.Entry> entries = new ArrayList<>();
                    for (TripSignupEntity s : unit.getValue()) {
                        byMember.put(s.memberId, s);
                        entries.add(new TripDraw.Entry(s.memberId, s.tier, s.category));
                    }
                    for (TripDraw.Outcome outcome : TripDraw.allocate(entries, quotas.getOrDefault(unit.getKey(), 0), seed,
                            unit.getKey())) {
                        TripSignupEntity s = byMember.get(outcome.memberId());
                        s.result = outcome.selected() ? TripResult.SELECTED : TripResult.NOT_SELECTED;
                        s.position = outcome.position();
                        s.reason = outcome.reason();
                    }
                }
                trip.status = TripEntity.ALLOCATED;
                trip.seed = seed;
                trip.allocatedBy = caller.username();
                trip.allocatedAt = now;
                em.flush();
                return dto(em, trip, caller);
            });
        } catch (OptimisticLockException concurrent) {
            throw ApiException.conflict("welfare.trip.changed", "该活动刚被他人处理，请刷新后重试",
                    "The trip was changed by someone else; reload and try again");
        }
        audit.record("welfare.trip.allocate", TARGET_TYPE, String.valueOf(id), "seed " + seed);
        return result;
    }

    /** 名单: union administrators every unit's, unit administrators their units'; selected first, in drawn order. */
    public List<TripListRowDTO> roster(UnionPrincipal caller, long id) {
        UnitScope scope = access.manageableUnits(caller);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            throw ApiException.forbidden("welfare.unit-admin-only", "仅单位或校工会管理员可以查看名单",
                    "Only unit or union administrators may see the list");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            trip(em, id);
            Map<Long, String> names = new HashMap<>();
            List<TripListRowDTO> rows = new ArrayList<>();
            for (TripSignupEntity s : signups(em, id)) {
                if (!scope.covers(s.unitId)) {
                    continue;
                }
                MemberDTO member = directory.findMember(s.memberId).orElse(null);
                rows.add(new TripListRowDTO(s.unitId, names.computeIfAbsent(s.unitId,
                        u -> directory.findUnit(u).map(UnitDTO::name).orElse("#" + u)), s.memberId,
                        member == null ? "" : member.staffNo(), member == null ? "#" + s.memberId : member.name(),
                        s.category, s.result, s.result.label(), s.position, s.reason));
            }
            rows.sort(java.util.Comparator.comparing((TripListRowDTO r) -> r.result() != TripResult.SELECTED)
                    .thenComparingLong(TripListRowDTO::unitId)
                    .thenComparing(r -> r.position() == null ? Integer.MAX_VALUE : r.position()));
            return rows;
        });
    }

    // ---- pieces ----

    private void requireEligible(EntityManager em, TripEntity trip, MemberDTO member) {
        if (member.status() != MemberStatus.ACTIVE) {
            throw notEligible("仅在职会员可以报名", "only active members");
        }
        if (!quotas(em, trip.id).containsKey(member.unitId())) {
            throw notEligible("您所在单位没有本次名额", "your unit has no places on this trip");
        }
        List<String> eligible = WelfareInputs.split(trip.eligibleCategories);
        if (!eligible.isEmpty() && (member.categories() == null
                || eligible.stream().noneMatch(member.categories()::contains))) {
            throw notEligible("本次仅限 " + String.join("、", eligible) + " 报名", "only " + String.join(", ", eligible));
        }
        if (trip.minYears > 0 && (member.joinDate() == null || member.joinDate().plusYears(trip.minYears).isAfter(trip.startsOn))) {
            throw notEligible("入会须满 " + trip.minYears + " 年", "needs " + trip.minYears + " years since joining");
        }
    }

    private static ApiException notEligible(String zh, String en) {
        return ApiException.conflict("welfare.trip.not-eligible", "不符合报名条件：" + zh, "Not eligible: " + en);
    }

    private static long memberOf(UnionPrincipal caller) {
        if (caller.memberId() == null) {
            throw ApiException.forbidden("welfare.members-only", "仅会员本人可以报名", "Only members sign up, for themselves");
        }
        return caller.memberId();
    }

    private TripDTO dto(EntityManager em, TripEntity trip, UnionPrincipal caller) {
        List<QuotaDTO> quotas = new ArrayList<>();
        quotas(em, trip.id).forEach((unit, places) -> quotas.add(new QuotaDTO(unit, places,
                directory.findUnit(unit).map(UnitDTO::name).orElse("#" + unit))));
        TripSignupEntity mine = caller == null || caller.memberId() == null ? null : signup(em, trip.id, caller.memberId());
        return new TripDTO(trip.id, trip.title, trip.destination, trip.startsOn, trip.endsOn, trip.signupUntil, quotas,
                WelfareInputs.split(trip.eligibleCategories), trip.minYears, WelfareInputs.split(trip.priorityCategories),
                trip.status, trip.seed, trip.allocatedAt, mine == null ? null : mine.result, mine == null ? null : mine.reason);
    }

    private static Map<Long, Integer> quotas(EntityManager em, long tripId) {
        Map<Long, Integer> quotas = new TreeMap<>();
        em.createQuery("select q from TripQuotaEntity q where q.tripId = :trip", TripQuotaEntity.class)
                .setParameter("trip", tripId).getResultList().forEach(q -> quotas.put(q.unitId, q.places));
        return quotas;
    }

    private static List<TripSignupEntity> signups(EntityManager em, long tripId) {
        return em.createQuery("select s from TripSignupEntity s where s.tripId = :trip order by s.id",
                TripSignupEntity.class).setParameter("trip", tripId).getResultList();
    }

    private static TripSignupEntity signup(EntityManager em, long tripId, long memberId) {
        return em.createQuery("select s from TripSignupEntity s where s.tripId = :trip and s.memberId = :member",
                TripSignupEntity.class).setParameter("trip", tripId).setParameter("member", memberId).getResultStream()
                .findFirst().orElse(null);
    }

    private static TripEntity trip(EntityManager em, long id) {
        TripEntity trip = em.find(TripEntity.class, id);
        if (trip == null) {
            throw ApiException.notFound("welfare.trip.not-found", "疗休养活动 " + id + " 不存在", "Trip " + id + " not found");
        }
        return trip;
    }
}
