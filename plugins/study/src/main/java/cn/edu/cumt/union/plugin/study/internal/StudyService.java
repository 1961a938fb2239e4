package cn.edu.cumt.union.plugin.study.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Audience;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberPlacement;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.api.storage.LockConflicts;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * The rules of political study (政治学习): who may organise which session, who is expected at it,
 * check-in and attendance, each member's record and the completion report per unit. A change of
 * {@code etc/cn.edu.cumt.union.study.cfg} applies in place, from the next request.
 */
@Component(service = StudyService.class, configurationPid = StudyService.PID)
@Designate(ocd = StudyService.Config.class)
public class StudyService {

    static final String PID = "cn.edu.cumt.union.study";
    /** Report dates are calendar days of the union's own time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String TARGET_TYPE = "StudySession";
    static final List<String> REPORT_HEADER = List.of("单位", "应到", "实到", "到课率");
    private static final Logger LOG = LoggerFactory.getLogger(StudyService.class);

    @ObjectClassDefinition(name = "Union study (政治学习)", description = "Rules of the political study plugin")
    public @interface Config {
        @AttributeDefinition(name = "Check-in window (minutes)",
                description = "How many minutes before a session starts members may check in; check-in closes when it ends")
        int check_in_window_minutes() default 15;
    }

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    /** The check-in window, the one setting: immutable, swapped whole on a configuration change. */
    private volatile Duration window;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final CheckInAttempts attempts = new CheckInAttempts();

    /** {@code schema} is not used: referencing it makes DS wait until the STUDY_ tables exist. */
    @Activate
    public StudyService(@Reference(target = "(osgi.unit.name=union-study)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=study)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit, Config config) {
        this(jpa, directory, access, audit, initialWindow(config), Clock.systemUTC());
    }

    /** A bad value at start gives the default window, not a plugin that fails to start. */
    private static Duration initialWindow(Config config) {
        try {
            return window(config);
        } catch (RuntimeException invalid) {
            LOG.error("Configuration {} is not valid ({}); the default check-in window of 15 minutes is used", PID,
                    invalid.getMessage());
            return Duration.ofMinutes(15);
        }
    }

    static Duration window(Config config) {
        int minutes = config.check_in_window_minutes();
        if (minutes < 0 || minutes > 24 * 60) {
            throw new IllegalArgumentException("check.in.window.minutes must be 0 to 1440 (is " + minutes + ")");
        }
        return Duration.ofMinutes(minutes);
    }

    /** A change of etc/cn.edu.cumt.union.study.cfg: applied in place, or refused (old window kept) when not valid. */
    @Modified
    void modified(Config config) {
        try {
            window = window(config);
            LOG.info("Configuration {} applied in place: check-in opens {} minutes before a session", PID, window.toMinutes());
        } catch (RuntimeException invalid) {
            LOG.warn("Configuration {} NOT applied: {}. The check-in window stays {} minutes", PID, invalid.getMessage(),
                    window.toMinutes());
        }
    }

    Duration window() {
        return window;
    }

    /** For tests: a fixed clock and window. */
    StudyService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Duration window,
            Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.window = window;
        this.clock = clock;
    }

    // ---- sessions (administrators) ----

    public StudySessionDTO create(UnionPrincipal caller, StudySessionEditDTO input) {
        StudySessionEditDTO valid = validate(caller, input);
        Instant now = clock.instant();
        StudySessionDTO created = jpa.txExpr(TransactionType.Required, em -> {
            StudySessionEntity session = new StudySessionEntity(newCode(), caller.username(), now);
            session.apply(valid, now);
            em.persist(session);
            em.flush();
            return session.toDTO();
        });
        audit.record("study.session.create", TARGET_TYPE, String.valueOf(created.id()), created.title());
        return created;
    }

    public StudySessionDTO update(UnionPrincipal caller, long id, StudySessionEditDTO input) {
        Instant now = clock.instant();
        StudySessionDTO updated;
        try {
            updated = jpa.txExpr(TransactionType.Required, em -> {
                StudySessionEntity session = managed(em, caller, id);
                session.apply(validate(caller, input), now);
                em.flush();
                return session.toDTO();
            });
        } catch (OptimisticLockException concurrent) {
            throw ApiException.conflict("study.session.changed", "学习会刚被他人修改，请刷新后重试",
                    "The session was changed by someone else; reload and try again");
        }
        audit.record("study.session.update", TARGET_TYPE, String.valueOf(id), updated.title());
        return updated;
    }

    /** Only before the session starts and while nobody attended: afterwards it is part of the record. */
    public void delete(UnionPrincipal caller, long id) {
        Instant now = clock.instant();
        String title = jpa.txExpr(TransactionType.Required, em -> {
            StudySessionEntity session = managed(em, caller, id);
            if (!now.isBefore(session.getStartsAt())) {
                throw ApiException.conflict("study.session.started", "学习会已开始，不能删除",
                        "The session has started and can no longer be deleted");
            }
            long attendances = em.createQuery(
                    "select count(a) from StudyAttendanceEntity a where a.sessionId = :session", Long.class)
                    .setParameter("session", id).getSingleResult();
            if (attendances > 0) {
                throw ApiException.conflict("study.session.has-attendance", "学习会已有出勤记录，不能删除",
                        "The session has attendance records and can no longer be deleted");
            }
            em.remove(session);
            return session.getTitle();
        });
        audit.record("study.session.delete", TARGET_TYPE, String.valueOf(id), title);
    }

    /** Sessions organised by units the caller manages, latest first. */
    public PageDTO<StudySessionDTO> list(UnionPrincipal caller, int offset, int limit) {
        UnitScope scope = access.manageableUnits(caller);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            return new PageDTO<>(List.of(), 0, offset, limit);
        }
        String where = scope.isAll() ? "" : " where s.organiserUnitId in :units";
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<StudySessionEntity> rows = em.createQuery(
                    "select s from StudySessionEntity s" + where + " order by s.startsAt desc, s.id desc",
                    StudySessionEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(s) from StudySessionEntity s" + where, Long.class);
            if (!scope.isAll()) {
                rows.setParameter("units", scope.unitIds());
                count.setParameter("units", scope.unitIds());
            }
            List<StudySessionDTO> items = batchCollections(rows).setFirstResult(offset).setMaxResults(limit)
                    .getResultList().stream().map(StudySessionEntity::toDTO).toList();
            return new PageDTO<>(items, count.getSingleResult(), offset, limit);
        });
    }

    /** An organiser sees any session of units they manage; a member sees the sessions they are expected at. */
    public StudySessionDTO get(UnionPrincipal caller, long id) {
        MemberPlacement member = caller.memberId() == null ? null : directory.placement(caller.memberId()).orElse(null);
        return jpa.txExpr(TransactionType.Required, em -> {
            StudySessionEntity session = em.find(StudySessionEntity.class, id);
            if (session == null) {
                throw notFound(id);
            }
            if (!access.canManageUnit(caller, session.getOrganiserUnitId())
                    && (member == null || !session.audience().includes(member))) {
                throw notFound(id);
            }
            return session.toDTO();
        });
    }

    public CheckInCodeDTO code(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required,
                em -> new CheckInCodeDTO(id, managed(em, caller, id).getCheckInCode()));
    }

    // ---- attendance ----

    /** 签到. Idempotent: a member who already attended gets the first attendance back. */
    public AttendanceDTO checkIn(UnionPrincipal caller, long id, String code) {
        String given = Fields.text("code", code, StudyInputs.MAX_CODE, true);
        MemberPlacement placed = placed(caller);
        MemberDTO member = placed.member();
        Instant now = clock.instant();
        Duration window = this.window;
        CheckIn result;
        try {
            // Check-ins come in bursts at the start of a session: a lock conflict runs the transaction again.
            result = LockConflicts.retry(() -> jpa.txExpr(TransactionType.Required, em -> {
                StudySessionEntity session = em.find(StudySessionEntity.class, id);
                if (session == null || !session.audience().includes(placed)) {
                    throw notFound(id);
                }
                StudyAttendanceEntity first = attendance(em, id, member.id());
                if (first != null) {
                    return new CheckIn(first.toDTO(), false);
                }
                if (now.isBefore(session.getStartsAt().minus(window))) {
                    throw ApiException.conflict("study.check-in.not-open", "签到尚未开始", "Check-in has not opened yet");
                }
                if (now.isAfter(session.getEndsAt())) {
                    throw ApiException.conflict("study.check-in.closed", "签到已结束", "Check-in has closed");
                }
                // after the window checks: "not open" and "closed" tell a guesser nothing about the code
                attempts.check(id, member.id(), now);
                if (!sameCode(session.getCheckInCode(), given)) {
                    attempts.failed(id, member.id(), now);
                    // The audit log writes in its own transaction, so this line survives the rollback.
                    audit.denied("study.checkin", TARGET_TYPE, String.valueOf(id), "wrong code");
                    throw ApiException.badRequest("study.check-in.wrong-code", "签到码不正确",
                            "The check-in code is wrong");
                }
                StudyAttendanceEntity attendance = new StudyAttendanceEntity(id, member.id(), member.unitId(),
                        AttendanceMethod.CODE, now, caller.username());
                em.persist(attendance);
                em.flush();
                return new CheckIn(attendance.toDTO(), true);
            }));
        } catch (PersistenceException race) {
            // A double tap: the other request inserted first, and the unique key kept one row.
            StudyAttendanceEntity first = jpa.txExpr(TransactionType.Required, em -> attendance(em, id, member.id()));
            if (first == null) {
                throw race;
            }
            return first.toDTO();
        }
        attempts.succeeded(id, member.id());
        if (result.created()) {
            audit.record("study.checkin", TARGET_TYPE, String.valueOf(id), "member " + member.id());
        }
        return result.attendance();
    }

    private record CheckIn(AttendanceDTO attendance, boolean created) {
    }

    /** 补录: adds attendances for expected members; existing ones are kept as they are. */
    public AttendanceSheetDTO recordAttendance(UnionPrincipal caller, long id, MemberIdsDTO input) {
        if (input == null || input.memberIds() == null || input.memberIds().isEmpty()) {
            throw ApiException.missingField("memberIds");
        }
        List<Long> wanted = Fields.ids("memberIds", input.memberIds(), StudyInputs.MAX_MEMBER_IDS);
        Instant now = clock.instant();
        Duration window = this.window;
        List<Long> added = LockConflicts.retry(() -> jpa.txExpr(TransactionType.Required, em -> {
            StudySessionEntity session = managed(em, caller, id);
            if (now.isBefore(session.getStartsAt().minus(window))) {
                throw ApiException.conflict("study.attendance.not-started", "学习会尚未开始，不能登记出勤",
                        "The session has not started; attendance cannot be recorded yet");
            }
            Map<Long, MemberDTO> expected = expectedMembers(session);
            List<Long> unexpected = wanted.stream().filter(m -> !expected.containsKey(m)).toList();
            if (!unexpected.isEmpty()) {
                throw ApiException.invalidField("memberIds", "以下会员不在应到名单中：" + shortList(unexpected),
                        "not expected at this session: " + shortList(unexpected));
            }
            Set<Long> present = attendances(em, id).stream().map(StudyAttendanceEntity::getMemberId)
                    .collect(Collectors.toSet());
            List<Long> recorded = new ArrayList<>();
            for (Long memberId : wanted) {
                if (!present.contains(memberId)) {
                    em.persist(new StudyAttendanceEntity(id, memberId, expected.get(memberId).unitId(),
                            AttendanceMethod.MANUAL, now, caller.username()));
                    recorded.add(memberId);
                }
            }
            return recorded;
        }));
        if (!added.isEmpty()) {
            audit.record("study.attendance.record", TARGET_TYPE, String.valueOf(id),
                    "added " + added.size() + ": " + shortList(added));
        }
        return attendanceSheet(caller, id);
    }

    /** The roll: expected members in staff-number order, then attendees who are not expected any more. */
    public AttendanceSheetDTO attendanceSheet(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StudySessionEntity session = managed(em, caller, id);
            Map<Long, AttendanceDTO> byMember = new LinkedHashMap<>();
            attendances(em, id).forEach(a -> byMember.put(a.getMemberId(), a.toDTO()));
            Map<Long, MemberDTO> expected = expectedMembers(session);
            List<AttendanceRowDTO> rows = new ArrayList<>();
            expected.values().forEach(m -> rows.add(
                    new AttendanceRowDTO(m.id(), m.staffNo(), m.name(), m.unitId(), true, byMember.get(m.id()))));
            byMember.values().stream().filter(a -> !expected.containsKey(a.memberId())).forEach(a -> {
                MemberDTO m = directory.findMember(a.memberId()).orElse(null);
                rows.add(new AttendanceRowDTO(a.memberId(), m == null ? null : m.staffNo(),
                        m == null ? null : m.name(), m == null ? null : m.unitId(), false, a));
            });
            return new AttendanceSheetDTO(id, expected.size(), byMember.size(), rows);
        });
    }

    // ---- members ----

    /** Sessions the caller is expected at: upcoming and running ones first (soonest first), then past ones. */
    public PageDTO<MySessionDTO> mine(UnionPrincipal caller, int offset, int limit) {
        Instant now = clock.instant();
        List<MySessionDTO> all = new ArrayList<>(mySessions(caller));
        Comparator<MySessionDTO> upcomingFirst = Comparator
                .comparing((MySessionDTO s) -> s.session().endsAt().isBefore(now))
                .thenComparing(s -> s.session().endsAt().isBefore(now)
                        ? -s.session().startsAt().toEpochMilli() : s.session().startsAt().toEpochMilli())
                .thenComparing(s -> s.session().id());
        all.sort(upcomingFirst);
        List<MySessionDTO> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        return new PageDTO<>(List.copyOf(page), all.size(), offset, limit);
    }

    /** 学习记录: what the caller attended, and what ended without them. */
    public StudyRecordDTO record(UnionPrincipal caller) {
        Instant now = clock.instant();
        List<MySessionDTO> sessions = mySessions(caller).stream()
                .filter(s -> s.attendance() != null || s.session().endsAt().isBefore(now))
                .sorted(Comparator.comparing((MySessionDTO s) -> s.session().startsAt()).reversed())
                .toList();
        int attended = (int) sessions.stream().filter(s -> s.attendance() != null).count();
        return new StudyRecordDTO(attended, sessions.size() - attended, sessions);
    }

    private List<MySessionDTO> mySessions(UnionPrincipal caller) {
        MemberPlacement placed = placed(caller);
        return jpa.txExpr(TransactionType.Required, em -> {
            // Narrow by unit in the database; categories are few, so they are checked here.
            List<StudySessionEntity> sessions = batchCollections(em.createQuery("select s from StudySessionEntity s"
                    + " where s.targetUnitIds is empty or exists (select t from StudySessionEntity s2"
                    + " join s2.targetUnitIds t where s2.id = s.id and t in :path)", StudySessionEntity.class))
                    .setParameter("path", placed.unitPath()).getResultList();
            Map<Long, AttendanceDTO> attended = em.createQuery(
                    "select a from StudyAttendanceEntity a where a.memberId = :member", StudyAttendanceEntity.class)
                    .setParameter("member", placed.member().id()).getResultList().stream()
                    .collect(Collectors.toMap(StudyAttendanceEntity::getSessionId, StudyAttendanceEntity::toDTO));
            return sessions.stream().filter(s -> s.audience().includes(placed))
                    .map(s -> new MySessionDTO(s.toDTO(), attended.get(s.getId()))).toList();
        });
    }

    // ---- report ----

    /**
     * 学习完成情况: per unit, expected and recorded attendances over the sessions that started in
     * [from, to] and have started by now. Union administrators see every unit, unit administrators
     * the units they manage. Expected counts use today's directory.
     */
    public StudyReportDTO report(UnionPrincipal caller, LocalDate from, LocalDate to) {
        return report(access.manageableUnits(caller), from, to);
    }

    /** The report over the units in {@code scope} (every unit for the yearly indicators). */
    StudyReportDTO report(UnitScope scope, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.invalidField("to", "不能早于开始日期", "must not be before from");
        }
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant now = clock.instant();
        // up to and including now: times are stored to the microsecond (InstantConverter), so one microsecond past it
        Instant until = now.isBefore(end) ? now.plus(1, ChronoUnit.MICROS) : end;
        Map<Long, Long> expected = new HashMap<>();
        Map<Long, Long> attended = new HashMap<>();
        Map<Long, UnitDTO> tree = new LinkedHashMap<>();
        directory.units().forEach(unit -> tree.put(unit.id(), unit));
        // Many sessions share their targets ("all members", "all cadres"): count each audience once.
        Map<Audience, Map<Long, Long>> countsByAudience = new HashMap<>();
        int sessions = jpa.txExpr(TransactionType.Required, em -> {
            int counted = 0;
            for (StudySessionEntity session : batchCollections(em.createQuery("select s from StudySessionEntity s"
                    + " where s.startsAt >= :start and s.startsAt < :until", StudySessionEntity.class))
                    .setParameter("start", start).setParameter("until", until).getResultList()) {
                Map<Long, Long> counts = countsByAudience.computeIfAbsent(session.audience(), directory::countByUnit);
                boolean inScope = false;
                for (Map.Entry<Long, Long> count : counts.entrySet()) {
                    if (scope.covers(count.getKey())) {
                        expected.merge(count.getKey(), count.getValue(), Long::sum);
                        inScope = true;
                    }
                }
                counted += inScope ? 1 : 0;
            }
            for (Object[] row : em.createQuery("select a.unitId, count(a) from StudyAttendanceEntity a,"
                    + " StudySessionEntity s where s.id = a.sessionId and s.startsAt >= :start and s.startsAt < :until"
                    + " group by a.unitId", Object[].class)
                    .setParameter("start", start).setParameter("until", until).getResultList()) {
                long unitId = ((Number) row[0]).longValue();
                if (scope.covers(unitId)) {
                    attended.put(unitId, ((Number) row[1]).longValue());
                }
            }
            return counted;
        });
        Set<Long> unitIds = new LinkedHashSet<>();
        Map<Long, String> names = new HashMap<>();
        for (UnitDTO unit : tree.values()) {
            names.put(unit.id(), unit.name());
            if (expected.containsKey(unit.id()) || attended.containsKey(unit.id())) {
                unitIds.add(unit.id());
            }
        }
        new TreeSet<>(expected.keySet()).forEach(unitIds::add);
        new TreeSet<>(attended.keySet()).forEach(unitIds::add);
        List<StudyReportRowDTO> rows = unitIds.stream().map(unitId -> {
            long e = expected.getOrDefault(unitId, 0L);
            long a = attended.getOrDefault(unitId, 0L);
            String name = names.computeIfAbsent(unitId,
                    u -> directory.findUnit(u).map(UnitDTO::name).orElse("#" + u));
            return new StudyReportRowDTO(unitId, name, e, a, rate(e, a));
        }).toList();
        long totalExpected = rows.stream().mapToLong(StudyReportRowDTO::expected).sum();
        long totalAttended = rows.stream().mapToLong(StudyReportRowDTO::attended).sum();
        return new StudyReportDTO(from, to, sessions, totalExpected, totalAttended,
                rate(totalExpected, totalAttended), rows);
    }

    /** The report as table rows under {@link #REPORT_HEADER}, with a total line (合计). */
    static List<List<String>> reportRows(StudyReportDTO report) {
        List<List<String>> rows = new ArrayList<>();
        Function<BigDecimal, String> rate = r -> r == null ? "" : r.toPlainString();
        report.units().forEach(u -> rows.add(List.of(u.unitName(), Long.toString(u.expected()),
                Long.toString(u.attended()), rate.apply(u.rate()))));
        rows.add(List.of("合计", Long.toString(report.expected()), Long.toString(report.attended()),
                rate.apply(report.rate())));
        return rows;
    }

    /** attended / expected with 3 decimals; {@code null} when nothing was expected. */
    static BigDecimal rate(long expected, long attended) {
        return expected == 0 ? null
                : BigDecimal.valueOf(attended).divide(BigDecimal.valueOf(expected), 3, RoundingMode.HALF_UP);
    }

    // ---- who is expected ----

    /** The expected members of a session by id, in staff-number order: one directory query. */
    private Map<Long, MemberDTO> expectedMembers(StudySessionEntity session) {
        Map<Long, MemberDTO> members = new LinkedHashMap<>();
        directory.members(session.audience()).forEach(m -> members.put(m.id(), m));
        return members;
    }

    /** The calling member and their place in the tree, read once. */
    private MemberPlacement placed(UnionPrincipal caller) {
        if (caller.memberId() == null) {
            throw notAMember();
        }
        return directory.placement(caller.memberId()).orElseThrow(StudyService::notAMember);
    }

    // ---- persistence helpers ----

    /** A session the caller may manage; 404 otherwise, so that ids of other units stay hidden. */
    private StudySessionEntity managed(EntityManager em, UnionPrincipal caller, long id) {
        StudySessionEntity session = em.find(StudySessionEntity.class, id);
        if (session == null || !access.canManageUnit(caller, session.getOrganiserUnitId())) {
            throw notFound(id);
        }
        return session;
    }

    /**
     * Loads the sessions' units, categories and materials with one query each for the whole page,
     * not three per session. Plain string hints, so the bundle needs no EclipseLink import.
     */
    private static <T> TypedQuery<T> batchCollections(TypedQuery<T> query) {
        query.setHint("eclipselink.batch.type", "IN");
        query.setHint("eclipselink.batch", "s.targetUnitIds");
        query.setHint("eclipselink.batch", "s.targetCategories");
        query.setHint("eclipselink.batch", "s.materials");
        return query;
    }

    private static StudyAttendanceEntity attendance(EntityManager em, long sessionId, long memberId) {
        return em.createQuery("select a from StudyAttendanceEntity a where a.sessionId = :session"
                + " and a.memberId = :member", StudyAttendanceEntity.class)
                .setParameter("session", sessionId).setParameter("member", memberId)
                .getResultStream().findFirst().orElse(null);
    }

    private static List<StudyAttendanceEntity> attendances(EntityManager em, long sessionId) {
        return em.createQuery("select a from StudyAttendanceEntity a where a.sessionId = :session"
                + " order by a.recordedAt, a.id", StudyAttendanceEntity.class)
                .setParameter("session", sessionId).getResultList();
    }

    // ---- validation ----

    /** Checks and normalises an edit (trimmed texts, no duplicates, no null lists) and the caller's scope. */
    StudySessionEditDTO validate(UnionPrincipal caller, StudySessionEditDTO input) {
        if (input == null) {
            throw ApiException.missingField("(body)");
        }
        String title = Fields.text("title", input.title(), StudyInputs.MAX_TITLE, true);
        String topic = Fields.text("topic", input.topic(), StudyInputs.MAX_TOPIC, false);
        String place = Fields.text("place", input.place(), StudyInputs.MAX_PLACE, false);
        Instant startsAt = Fields.time("startsAt", input.startsAt());
        Instant endsAt = Fields.time("endsAt", input.endsAt());
        if (!endsAt.isAfter(startsAt)) {
            throw ApiException.invalidField("endsAt", "必须晚于开始时间", "must be after startsAt");
        }
        List<MaterialDTO> materials = StudyInputs.materials(input.materials());
        if (input.organiserUnitId() == null) {
            throw ApiException.missingField("organiserUnitId");
        }
        long organiser = input.organiserUnitId();
        requireUnit("organiserUnitId", organiser);
        List<Long> targets = Fields.ids("targetUnitIds", input.targetUnitIds(), StudyInputs.MAX_TARGETS);
        targets.forEach(t -> requireUnit("targetUnitIds", t));
        List<String> categories = StudyInputs.categories(input.targetCategories());
        if (!access.canManageUnit(caller, organiser)) {
            throw ApiException.forbidden("study.unit-not-managed", "无权以该单位名义组织学习",
                    "You may not organise sessions for this unit");
        }
        boolean managesAll = access.manageableUnits(caller).isAll();
        if (targets.isEmpty() ? !managesAll : targets.stream().anyMatch(t -> !access.canManageUnit(caller, t))) {
            throw ApiException.forbidden("study.targets-not-managed", "只能面向本人管理的单位组织学习",
                    "You may only target units you manage");
        }
        return new StudySessionEditDTO(title, topic, materials, startsAt, endsAt, place, organiser, targets,
                categories);
    }

    private void requireUnit(String field, long unitId) {
        UnitDTO unit = directory.findUnit(unitId).orElse(null);
        if (unit == null || unit.retired()) {
            throw ApiException.invalidField(field, "单位 " + unitId + " 不存在", "unknown unit " + unitId);
        }
    }

    // ---- small things ----

    private String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** Compares in constant time, so that response times do not give the code away digit by digit. */
    static boolean sameCode(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String shortList(List<Long> ids) {
        String joined = ids.stream().limit(20).map(String::valueOf).collect(Collectors.joining(","));
        return ids.size() > 20 ? joined + ",…" : joined;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("study.session.not-found", "学习会 " + id + " 不存在",
                "Study session " + id + " not found");
    }

    private static ApiException notAMember() {
        return ApiException.forbidden("study.not-a-member", "仅限会员账号使用", "Only member accounts can do this");
    }
}
