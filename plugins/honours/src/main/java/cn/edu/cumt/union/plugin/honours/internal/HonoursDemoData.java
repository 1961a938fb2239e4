package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * The demo university's honours, when the plugin's tables are empty: last year's 师德模范 and "四育人"先进个人
 * call, published, with its honoured members; this year's 十佳文明窗口单位 and 优秀教学科研群体 call taking
 * nominations (drafts, some waiting for the eligibility check, some found eligible); and a 劳模 / 劳模创新工作室
 * call opening next month. Deterministic: the same demo seed gives the same records. Audited {@code honours.demo.load}.
 */
@Component(immediate = true)
public class HonoursDemoData {

    static final String BY = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(HonoursDemoData.class);
    private static final String[] CASES = { "扎根教学一线，主讲课程获评省级一流课程，深受学生爱戴。",
        "坚持立德树人，指导学生获全国大学生创新创业大赛金奖。", "长期担任班主任，关心学生成长，所带班级获评先进班集体。",
        "服务师生热情周到，窗口服务满意率连续三年第一。", "团队协作攻关，承担国家重点研发计划项目，成果转化成效显著。",
        "爱岗敬业，默默奉献，在疫情防控和校园保障中表现突出。" };

    final int loaded;

    /** {@code schema} is not used: it makes DS wait until the HONOURS_ tables exist. */
    @Activate
    public HonoursDemoData(@Reference DemoUniversity demo,
            @Reference(target = "(osgi.unit.name=union-honours)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=honours)") SchemaReady schema,
            @Reference Directory directory, @Reference AuditLog audit) {
        this(demo.seed(), jpa, directory, audit, Clock.systemUTC());
    }

    HonoursDemoData(long seed, JpaTemplate jpa, Directory directory, AuditLog audit, Clock clock) {
        this.loaded = load(seed, jpa, directory, audit, clock);
    }

    /** @return the nominations written, 0 when the tables held anything already */
    static int load(long seed, JpaTemplate jpa, Directory directory, AuditLog audit, Clock clock) {
        List<UnitDTO> units = directory.units().stream().filter(u -> u.kind() == UnitKind.UNIT && !u.retired())
                .sorted(Comparator.comparing(UnitDTO::code)).toList();
        List<MemberDTO> members = new ArrayList<>(directory.members(Audience.everyone()));
        members.sort(Comparator.comparing(MemberDTO::staffNo));
        if (units.isEmpty() || members.isEmpty()) {
            return 0;
        }
        Random random = new Random(seed ^ 0x686f6e6f757273L); // "honours"
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, HonoursService.ZONE).getYear();
        Integer count = jpa.txExpr(TransactionType.Required, em -> {
            if (em.createQuery("select count(c) from HonoursCallEntity c", Long.class).getSingleResult() > 0) {
                return 0;
            }
            int written = 0;
            // Last year: published.
            HonoursCallEntity past = call(em, year - 1, (year - 1) + "年度师德模范、“四育人”先进个人评选",
                    "评选表彰师德高尚、教书育人成绩突出的教职工。各二级单位工会按名额推荐，经资格审查、评审专家投票和公示后公布。",
                    at(year - 1, 4, 1), at(year - 1, 4, 30), 2, CallStatus.FINAL, now);
            past.noticeFrom = at(year - 1, 5, 20);
            past.noticeUntil = at(year - 1, 5, 27);
            past.finalisedBy = BY;
            past.finalisedAt = at(year - 1, 5, 28);
            HonoursCategoryEntity model = category(em, past, "teaching-model", "师德模范", HonourKind.INDIVIDUAL, 3,
                    "在职教职工，师德高尚，近三年年度考核合格以上");
            HonoursCategoryEntity fourWays = category(em, past, "four-ways", "“四育人”先进个人", HonourKind.INDIVIDUAL, 5,
                    "教书育人、管理育人、服务育人、环境育人成绩突出");
            List<MemberDTO> pool = new ArrayList<>(members);
            java.util.Collections.shuffle(pool, random);
            int picked = 0;
            for (HonoursCategoryEntity category : List.of(model, fourWays)) {
                for (int i = 0; i < category.places + 2 && picked < pool.size(); i++) {
                    MemberDTO member = pool.get(picked++);
                    boolean awarded = i < category.places;
                    nomination(em, past, category, member.unitId(), member.id(), null, member.name(),
                            CASES[random.nextInt(CASES.length)], awarded ? NominationStatus.AWARDED
                                    : NominationStatus.NOT_CHOSEN, (long) (awarded ? 9 - i : 3 - i % 3), past.createdAt);
                    written++;
                }
            }
            // This year: taking nominations of groups.
            HonoursCallEntity current = call(em, year, year + "年度十佳文明窗口单位、优秀教学科研群体评选",
                    "各二级单位工会推荐本单位服务窗口或教学科研团队，附事迹材料。", now.minus(Duration.ofDays(7)),
                    now.plus(Duration.ofDays(21)), 1, CallStatus.NOMINATING, now);
            HonoursCategoryEntity window = category(em, current, "civil-window", "十佳文明窗口单位", HonourKind.GROUP, 10,
                    "直接面向师生服务的窗口单位");
            HonoursCategoryEntity team = category(em, current, "teaching-team", "优秀教学科研群体", HonourKind.GROUP, 5,
                    "团队成员不少于 5 人，近三年有省部级以上成果");
            NominationStatus[] states = { NominationStatus.ELIGIBLE, NominationStatus.SUBMITTED, NominationStatus.DRAFT,
                NominationStatus.ELIGIBLE, NominationStatus.SUBMITTED };
            for (int i = 0; i < Math.min(units.size(), 10); i++) {
                UnitDTO unit = units.get(i);
                HonoursCategoryEntity category = i % 2 == 0 ? window : team;
                nomination(em, current, category, unit.id(), null, unit.id(), unit.name(),
                        CASES[random.nextInt(CASES.length)], states[i % states.length], null,
                        now.minus(Duration.ofDays(6 - i % 5)));
                written++;
            }
            // Next month: 劳模 and 劳模创新工作室.
            LocalDate next = LocalDate.ofInstant(now, HonoursService.ZONE).plusMonths(1).withDayOfMonth(1);
            HonoursCallEntity coming = call(em, year, year + "年度校级劳动模范、劳模创新工作室推荐",
                    "推荐校级劳动模范和劳模创新工作室，择优向省市总工会推荐。", at(next.getYear(), next.getMonthValue(), 1),
                    at(next.getYear(), next.getMonthValue(), 25), 1, CallStatus.NOMINATING, now);
            category(em, coming, "model-worker", "校级劳动模范", HonourKind.INDIVIDUAL, 5, "在本校连续工作满 5 年");
            category(em, coming, "innovation-studio", "劳模创新工作室", HonourKind.GROUP, 2, "由劳模领衔，创新成果突出");
            return written;
        });
        if (count > 0) {
            audit.record("honours.demo.load", "HonoursDemo", String.valueOf(seed), count + " nominations in 3 calls");
            LOG.info("Demo honours loaded: {} nominations in 3 calls", count);
        }
        return count;
    }

    private static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0).atZone(HonoursService.ZONE).toInstant();
    }

    private static HonoursCallEntity call(EntityManager em, int year, String title, String description, Instant opens,
            Instant closes, int quota, CallStatus status, Instant now) {
        HonoursCallEntity call = new HonoursCallEntity();
        call.year = year;
        call.title = title;
        call.description = description;
        call.nominationOpens = opens;
        call.nominationCloses = closes;
        call.noticeDays = 7;
        call.defaultQuota = quota;
        call.committeeDuty = HonoursInputs.DEFAULT_DUTY;
        call.status = status;
        call.createdBy = BY;
        call.createdAt = status == CallStatus.FINAL ? opens : now;
        em.persist(call);
        em.flush();
        return call;
    }

    private static HonoursCategoryEntity category(EntityManager em, HonoursCallEntity call, String code, String name,
            HonourKind kind, int places, String eligibility) {
        HonoursCategoryEntity category = new HonoursCategoryEntity();
        category.callId = call.id;
        category.code = code;
        category.name = name;
        category.kind = kind;
        category.places = places;
        category.eligibility = eligibility;
        em.persist(category);
        em.flush();
        return category;
    }

    private static void nomination(EntityManager em, HonoursCallEntity call, HonoursCategoryEntity category, long unitId,
            Long memberId, Long nomineeUnitId, String name, String text, NominationStatus status, Long votes,
            Instant at) {
        HonoursNominationEntity nomination = new HonoursNominationEntity();
        nomination.callId = call.id;
        nomination.categoryId = category.id;
        nomination.unitId = unitId;
        nomination.memberId = memberId;
        nomination.nomineeUnitId = nomineeUnitId;
        nomination.nomineeName = name;
        nomination.caseText = text;
        nomination.status = status;
        nomination.liveKey = HonoursNominationEntity.liveKey(call.id, memberId, nomineeUnitId);
        nomination.stageSince = at;
        nomination.votes = votes;
        nomination.createdBy = BY;
        nomination.createdByAccount = 0;
        nomination.createdAt = at;
        nomination.updatedAt = at;
        em.persist(nomination);
        em.flush();
        em.persist(new HonoursStepEntity(nomination.id, "DEMO", null, status, null, BY, at));
    }
}
