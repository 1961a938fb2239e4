package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.DemoUniversity;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowStep;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * The demo university's welfare records: the funds' income, hardship applications at every stage (a few
 * paid), care visits over the Spring Festival and to veterans, model workers and the sick, a recuperation
 * trip already allocated and one open for sign-up, a women staff's lecture and salon and a social for
 * single staff. Starts only while the core's {@link DemoUniversity} is registered, loads only into empty
 * WELFARE_ tables, and is the same everywhere for the same demo seed. Audited as {@code welfare.demo.load}.
 */
@Component(service = WelfareDemoData.class, immediate = true)
public class WelfareDemoData {

    static final String ACTOR = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(WelfareDemoData.class);
    private static final ZoneId ZONE = HardshipService.ZONE;
    private static final String[] REASONS = {
        "本人患重病住院治疗，自付医疗费用较高，家庭经济困难",
        "配偶突发疾病住院，子女尚在求学，家庭负担沉重",
        "家中老人长期卧床需要照护，医疗和护理支出大",
        "家庭遭遇意外灾害，房屋受损，生活暂时困难",
        "子女患慢性病需长期治疗，家庭收入难以负担" };

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public WelfareDemoData(@Reference DemoUniversity university,
            @Reference(target = "(osgi.unit.name=union-welfare)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=welfare)") SchemaReady schema,
            @Reference Directory directory, @Reference AuditLog audit) {
        this(jpa, directory, audit, Clock.systemUTC());
        try {
            String loaded = load(university.seed());
            if (loaded != null) {
                LOG.info("Welfare demo data loaded: {}", loaded);
            }
        } catch (RuntimeException failed) {
            // demo data is a convenience: the plugin runs without it
            LOG.warn("Welfare demo data not loaded: {}", failed.toString());
        }
    }

    WelfareDemoData(JpaTemplate jpa, Directory directory, AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return what was loaded, or {@code null} when the plugin already had records (or no demo members) */
    String load(long seed) {
        List<UnitDTO> units = directory.units().stream().filter(u -> u.kind() == UnitKind.UNIT).toList();
        UnitDTO root = directory.units().stream().filter(u -> u.kind() == UnitKind.UNIVERSITY).findFirst().orElse(null);
        List<MemberDTO> members = directory.members(Audience.everyone());
        if (units.isEmpty() || root == null || members.size() < 20) {
            return null;
        }
        Random random = new Random(seed ^ 0x77656C66L); // "welf"
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        int year = today.getYear();
        String summary = jpa.txExpr(TransactionType.Required, em -> {
            long existing = count(em, "HardshipCaseEntity") + count(em, "FundIncomeEntity") + count(em, "VisitEntity")
                    + count(em, "TripEntity") + count(em, "EventEntity");
            if (existing > 0) {
                return null;
            }
            em.persist(new FundIncomeEntity(Fund.LOVE_FUND, new BigDecimal("200000.00"), LocalDate.of(year, 1, 5),
                    "校工会年度拨款（《中国矿业大学教职工爱心扶助金管理办法》）", ACTOR, now));
            em.persist(new FundIncomeEntity(Fund.LOVE_FUND, new BigDecimal("36800.00"), LocalDate.of(year, 3, 12),
                    "教职工爱心捐款", ACTOR, now));
            em.persist(new FundIncomeEntity(Fund.TEMP_SUBSIDY, new BigDecimal("80000.00"), LocalDate.of(year, 1, 5),
                    "校工会年度拨款（《中国矿业大学教职工临时补助申领管理办法》）", ACTOR, now));
            int cases = cases(em, members, random, now);
            int visits = visits(em, members, random, today);
            int signups = trips(em, units, members, random, seed, today, now);
            int events = events(em, root, members, random, today, now);
            return cases + " hardship applications, " + visits + " care visits, 2 trips with " + signups + " sign-ups, "
                    + events + " event sign-ups";
        });
        if (summary != null) {
            audit.record("welfare.demo.load", "WelfarePlugin", null, summary);
        }
        return summary;
    }

    private static long count(EntityManager em, String entity) {
        return em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
    }

    /** 18 applications: 6 waiting on their unit, 3 at the union, 2 returned, 5 approved (3 paid), 2 rejected. */
    private int cases(EntityManager em, List<MemberDTO> members, Random random, Instant now) {
        List<MemberDTO> picked = pick(members, 18, random);
        for (int i = 0; i < picked.size(); i++) {
            MemberDTO member = picked.get(i);
            Fund fund = i % 3 == 2 ? Fund.TEMP_SUBSIDY : Fund.LOVE_FUND;
            Instant applied = now.minusSeconds(86_400L * (40 - 2L * i));
            HardshipCaseEntity c = new HardshipCaseEntity(fund, member.unitId(), member.id(),
                    LocalDate.ofInstant(applied, ZONE).getYear(),
                    member.staffNo(), member.staffNo(), applied);
            c.reason = REASONS[i % REASONS.length];
            c.amountAsked = new BigDecimal(fund == Fund.LOVE_FUND ? 2000 + 500 * (i % 7) : 800 + 200 * (i % 5)).setScale(2);
            c.phone = member.phone();
            c.state = CaseState.IN_REVIEW;
            c.stage = HardshipFlow.UNIT_STAGE;
            c.stageSince = applied;
            em.persist(c);
            em.flush();
            step(em, c.id, FlowAction.SUBMIT, HardshipFlow.UNIT_STAGE, null, CaseState.IN_REVIEW, member.staffNo(), null, applied);
            Instant unitDay = applied.plusSeconds(3 * 86_400L);
            String kind = i < 6 ? "unit" : i < 9 ? "union" : i < 11 ? "returned" : i < 16 ? "approved" : "rejected";
            if (kind.equals("unit")) {
                continue;
            }
            if (kind.equals("returned")) {
                c.state = CaseState.RETURNED;
                c.lastComment = "请补充医院诊断证明和费用清单";
                c.stageSince = unitDay;
                c.firstReviewer = ACTOR;
                step(em, c.id, FlowAction.RETURN, HardshipFlow.UNIT_STAGE, CaseState.IN_REVIEW, CaseState.RETURNED, ACTOR,
                        c.lastComment, unitDay);
                continue;
            }
            c.firstReviewer = ACTOR;
            if (kind.equals("rejected")) {
                c.state = CaseState.REJECTED;
                c.lastComment = "不符合《管理办法》规定的帮扶条件";
                c.stageSince = unitDay;
                step(em, c.id, FlowAction.REJECT, HardshipFlow.UNIT_STAGE, CaseState.IN_REVIEW, CaseState.REJECTED, ACTOR,
                        c.lastComment, unitDay);
                continue;
            }
            c.stage = HardshipFlow.UNION_STAGE;
            c.stageSince = unitDay;
            c.lastComment = "情况属实，同意上报";
            step(em, c.id, FlowAction.APPROVE, HardshipFlow.UNIT_STAGE, CaseState.IN_REVIEW, CaseState.IN_REVIEW, ACTOR,
                    c.lastComment, unitDay);
            if (kind.equals("union")) {
                continue;
            }
            Instant unionDay = unitDay.plusSeconds(5 * 86_400L);
            Caps cap = fund == Fund.LOVE_FUND ? new Caps(5000) : new Caps(2000);
            c.amountGranted = c.amountAsked.min(cap.perCase).subtract(new BigDecimal(100 * (i % 3))).setScale(2);
            c.state = CaseState.APPROVED;
            c.stageSince = unionDay;
            c.lastComment = "经校工会审核，同意帮扶";
            step(em, c.id, FlowAction.APPROVE, HardshipFlow.UNION_STAGE, CaseState.IN_REVIEW, CaseState.APPROVED, "demo-union",
                    c.lastComment, unionDay);
            if (i < 14) {
                c.paidOn = LocalDate.ofInstant(unionDay.plusSeconds(2 * 86_400L), ZONE);
                c.paidBy = "demo-union";
                c.paymentNote = "银行转账";
            }
        }
        return picked.size();
    }

    private record Caps(BigDecimal perCase) {
        Caps(int yuan) {
            this(new BigDecimal(yuan));
        }
    }

    private static void step(EntityManager em, long caseId, FlowAction action, String stage, CaseState from, CaseState to,
            String actor, String comment, Instant at) {
        em.persist(new HardshipStepEntity(caseId, new FlowStep(action, stage, from, to, actor, comment, at)));
    }

    /** Spring Festival visits to staff on duty, and visits to veterans, model workers, seconded cadres and the sick. */
    private int visits(EntityManager em, List<MemberDTO> members, Random random, LocalDate today) {
        int n = 0;
        LocalDate festival = LocalDate.of(today.getYear(), 2, 8);
        for (MemberDTO member : pick(members, 12, random)) {
            n += visit(em, member, VisitCategory.HOLIDAY_DUTY, festival.minusDays(n % 5), true, "校工会主席、学院工会主席",
                    "慰问金、米面油", "500", "春节期间坚守岗位", today);
        }
        for (MemberDTO member : withCategory(members, "veteran", 6)) {
            n += visit(em, member, VisitCategory.VETERAN, LocalDate.of(today.getYear(), 7, 30), true, "学院工会主席",
                    "慰问信、慰问品", "300", "“八一”建军节慰问复转军人", today);
        }
        for (MemberDTO member : withCategory(members, "model-worker", 5)) {
            n += visit(em, member, VisitCategory.MODEL_WORKER, LocalDate.of(today.getYear(), 4, 28), true, "校工会副主席",
                    "鲜花、慰问金", "800", "“五一”前走访劳模先进", today);
        }
        for (MemberDTO member : pick(members, 4, random)) {
            n += visit(em, member, VisitCategory.SICK, today.plusDays(3 + n % 4), false, null, null, null,
                    "计划住院探望", today);
        }
        for (MemberDTO member : withCategory(members, "cadre", 3)) {
            n += visit(em, member, VisitCategory.SECONDED, today.minusDays(20), true, "校工会主席", "慰问信", "200",
                    "看望挂职干部", today);
        }
        return n;
    }

    private static int visit(EntityManager em, MemberDTO member, VisitCategory category, LocalDate on, boolean done,
            String visitors, String gifts, String value, String note, LocalDate today) {
        VisitEntity visit = new VisitEntity(ACTOR, Instant.now());
        visit.unitId = member.unitId();
        visit.memberId = member.id();
        visit.category = category;
        LocalDate day = on.isAfter(today) && done ? today : on;
        visit.plannedOn = day;
        visit.doneOn = done ? day : null;
        visit.visitors = visitors;
        visit.gifts = gifts;
        visit.giftValue = value == null ? null : new BigDecimal(value).setScale(2);
        visit.note = note;
        em.persist(visit);
        return 1;
    }

    /** A trip already allocated from the demo seed and one open for sign-up. */
    private int trips(EntityManager em, List<UnitDTO> units, List<MemberDTO> members, Random random, long seed,
            LocalDate today, Instant now) {
        List<String> priorities = List.of("model-worker", "veteran");
        TripEntity done = trip(em, "劳模先进和一线教职工疗休养（第一期）", "浙江·杭州", today.minusDays(40), today.minusDays(35),
                today.minusDays(60), priorities, now);
        TripEntity open = trip(em, "劳模先进和一线教职工疗休养（第二期）", "山东·威海", today.plusDays(45), today.plusDays(50),
                today.plusDays(14), priorities, now);
        Map<Long, Integer> quotas = new HashMap<>();
        for (UnitDTO unit : units) {
            int places = 1 + (int) (unit.id() % 3);
            quotas.put(unit.id(), places);
            em.persist(new TripQuotaEntity(done.id, unit.id(), places));
            em.persist(new TripQuotaEntity(open.id, unit.id(), places));
        }
        int n = 0;
        Map<Long, List<TripSignupEntity>> byUnit = new HashMap<>();
        for (MemberDTO member : pick(members, Math.min(members.size(), 60), random)) {
            if (!quotas.containsKey(member.unitId()) || member.joinDate() != null
                    && member.joinDate().plusYears(3).isAfter(done.startsOn)) {
                continue;
            }
            int tier = TripDraw.tier(priorities, member.categories());
            TripEntity trip = n % 3 == 0 ? open : done;
            TripSignupEntity signup = new TripSignupEntity(trip.id, member.id(), member.unitId(), tier,
                    tier < priorities.size() ? priorities.get(tier) : null, now);
            em.persist(signup);
            if (trip == done) {
                byUnit.computeIfAbsent(member.unitId(), u -> new ArrayList<>()).add(signup);
            }
            n++;
        }
        long draw = seed ^ 0x74726970L; // "trip"
        byUnit.forEach((unit, signups) -> {
            Map<Long, TripSignupEntity> byMember = new HashMap<>();
            List<TripDraw.Entry> entries = new ArrayList<>();
            signups.forEach(s -> {
                byMember.put(s.memberId, s);
                entries.add(new TripDraw.Entry(s.memberId, s.tier, s.category));
            });
            for (TripDraw.Outcome outcome : TripDraw.allocate(entries, quotas.get(unit), draw, unit)) {
                TripSignupEntity s = byMember.get(outcome.memberId());
                s.result = outcome.selected() ? TripResult.SELECTED : TripResult.NOT_SELECTED;
                s.position = outcome.position();
                s.reason = outcome.reason();
            }
        });
        done.status = TripEntity.ALLOCATED;
        done.seed = draw;
        done.allocatedBy = ACTOR;
        done.allocatedAt = now;
        return n;
    }

    private static TripEntity trip(EntityManager em, String title, String destination, LocalDate starts, LocalDate ends,
            LocalDate until, List<String> priorities, Instant now) {
        TripEntity trip = new TripEntity(ACTOR, now);
        trip.title = title;
        trip.destination = destination;
        trip.startsOn = starts;
        trip.endsOn = ends;
        trip.signupUntil = until;
        trip.minYears = 3;
        trip.priorityCategories = WelfareInputs.join(priorities);
        em.persist(trip);
        em.flush();
        return trip;
    }

    /** A lecture and a salon for women staff, and a social for single staff with its sign-ups. */
    private int events(EntityManager em, UnitDTO root, List<MemberDTO> members, Random random, LocalDate today,
            Instant now) {
        event(em, EventKind.LECTURE, "女教职工健康知识讲座：乳腺与宫颈健康", "邀请校医院专家讲授女性健康知识", "文昌校区图书馆报告厅",
                today.plusDays(7), 14, root.id(), "female", 200, now);
        event(em, EventKind.SALON, "“书香女工”主题沙龙", "阅读分享与茶艺体验", "南湖校区教工之家",
                today.plusDays(12), 15, root.id(), "female", 40, now);
        EventEntity social = event(em, EventKind.SOCIAL, "“缘聚矿大”单身教职工联谊交友活动", "徐州高校单身青年教职工联谊",
                "南湖校区大学生活动中心", today.plusDays(20), 14, root.id(), "single", 80, now);
        int n = 0;
        for (MemberDTO member : withCategory(members, "single", 30)) {
            if (random.nextInt(3) == 0) {
                em.persist(new EventSignupEntity(social.id, member.id(), now));
                n++;
            }
        }
        return n;
    }

    private static EventEntity event(EntityManager em, EventKind kind, String title, String description, String place,
            LocalDate day, int hour, long unitId, String category, Integer capacity, Instant now) {
        EventEntity event = new EventEntity(ACTOR, now);
        event.kind = kind;
        event.title = title;
        event.description = description;
        event.place = place;
        event.startsAt = day.atTime(LocalTime.of(hour, 30)).atZone(ZONE).toInstant();
        event.endsAt = event.startsAt.plusSeconds(2 * 3600);
        event.organiserUnitId = unitId;
        event.categories = category;
        event.capacity = capacity;
        em.persist(event);
        em.flush();
        return event;
    }

    /** {@code n} members drawn from the list (ordered by staff number) with the demo's random. */
    private static List<MemberDTO> pick(List<MemberDTO> members, int n, Random random) {
        List<MemberDTO> copy = new ArrayList<>(members);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static List<MemberDTO> withCategory(List<MemberDTO> members, String category, int max) {
        return members.stream().filter(m -> m.categories() != null && m.categories().contains(category)).limit(max).toList();
    }
}
