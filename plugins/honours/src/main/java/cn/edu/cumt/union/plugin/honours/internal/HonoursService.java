package cn.edu.cumt.union.plugin.honours.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
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
import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.BallotOption;
import cn.edu.cumt.union.api.ballot.Ballots;
import cn.edu.cumt.union.api.ballot.TallyDTO;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberPlacement;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowCase;
import cn.edu.cumt.union.api.flow.Flows;
import cn.edu.cumt.union.api.notify.Notice;
import cn.edu.cumt.union.api.notify.Notifications;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.api.storage.AuditedChange;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.api.task.TaskDTO;

/**
 * The rules of 选树劳模先进: award calls with awards, quotas and a timetable; units nominate within their
 * quota; the union checks eligibility (the core's {@link Flows}); the committee votes in a secret ballot
 * of the core ({@link Ballots}) with a limit per award; the result goes to a public notice (公示) during
 * which members file real-name objections, each answered before the list is final; then it is published.
 */
@Component(service = HonoursService.class, configurationPid = HonoursService.PID)
@Designate(ocd = HonoursService.Config.class)
public class HonoursService {

    static final String PID = "cn.edu.cumt.union.honours";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String CALL = "HonoursCall";
    static final String NOMINATION = "HonoursNomination";
    static final String OBJECTION = "HonoursObjection";
    static final String ATTACHMENT_TYPE = "nomination";
    static final int MAX_TASKS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(HonoursService.class);
    private static final Set<NominationStatus> EDITABLE = EnumSet.of(NominationStatus.DRAFT, NominationStatus.RETURNED);

    @ObjectClassDefinition(name = "Union honours (选树劳模先进)", description = "Rules of the honours plugin")
    public @interface Config {
        @AttributeDefinition(name = "Notice period (days)",
                description = "Days a result stays on public notice (公示) when a call names none, 1 to 60")
        int notice_days() default 7;
    }

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Flows flows;
    private final Ballots ballots;
    private final Notifications notifications;
    private final Clock clock;
    private volatile int noticeDays;

    /** {@code schema} is not used: referencing it makes DS wait until the HONOURS_ tables exist. */
    @Activate
    public HonoursService(@Reference(target = "(osgi.unit.name=union-honours)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=honours)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit,
            @Reference Flows flows, @Reference Ballots ballots, @Reference Notifications notifications, Config config) {
        this(jpa, directory, access, audit, flows, ballots, notifications, 7, Clock.systemUTC());
        modified(config);
    }

    /** For tests: a fixed clock and notice period. */
    HonoursService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Flows flows,
            Ballots ballots, Notifications notifications, int noticeDays, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.flows = flows;
        this.ballots = ballots;
        this.notifications = notifications;
        this.noticeDays = noticeDays;
        this.clock = clock;
    }

    /** A change of etc/cn.edu.cumt.union.honours.cfg: applied in place, or refused with a warning. */
    @Modified
    void modified(Config config) {
        int days = config.notice_days();
        if (days < 1 || days > HonoursInputs.MAX_NOTICE_DAYS) {
            LOG.warn("Configuration {} NOT applied: notice.days must be 1 to {} (is {}). It stays {}", PID,
                    HonoursInputs.MAX_NOTICE_DAYS, days, noticeDays);
            return;
        }
        noticeDays = days;
    }

    int noticeDays() {
        return noticeDays;
    }

    // ---- calls (the union) ----

    /** 发布评选通知: union administrators only. */
    public CallDTO createCall(UnionPrincipal caller, CallEditDTO input) {
        requireUnionAdmin(caller);
        CallEditDTO valid = HonoursInputs.call(input, noticeDays);
        for (int i = 0; i < valid.quotas().size(); i++) {
            long unitId = valid.quotas().get(i).unitId();
            if (directory.findUnit(unitId).filter(u -> !u.retired()).isEmpty()) {
                throw ApiException.invalidField("quotas[" + i + "].unitId", "单位不存在或已撤销",
                        "unknown or retired unit");
            }
        }
        Instant now = clock.instant();
        CallDTO created = jpa.txExpr(TransactionType.Required, em -> {
            HonoursCallEntity call = new HonoursCallEntity();
            call.year = valid.year();
            call.title = valid.title();
            call.description = valid.description();
            call.nominationOpens = valid.nominationOpens();
            call.nominationCloses = valid.nominationCloses();
            call.noticeDays = valid.noticeDays();
            call.defaultQuota = valid.defaultQuota();
            call.committeeDuty = valid.committeeDuty();
            call.status = CallStatus.NOMINATING;
            call.createdBy = caller.username();
            call.createdAt = now;
            em.persist(call);
            em.flush();
            for (CategoryEditDTO edit : valid.categories()) {
                HonoursCategoryEntity category = new HonoursCategoryEntity();
                category.callId = call.id;
                category.code = edit.code();
                category.name = edit.name();
                category.kind = edit.kind();
                category.places = edit.places();
                category.eligibility = edit.eligibility();
                category.memberCategory = edit.memberCategory();
                category.minMemberYears = edit.minMemberYears();
                em.persist(category);
                em.flush(); // ids in the order given
            }
            for (QuotaDTO edit : valid.quotas()) {
                HonoursQuotaEntity quota = new HonoursQuotaEntity();
                quota.callId = call.id;
                quota.unitId = edit.unitId();
                quota.quota = edit.quota();
                em.persist(quota);
            }
            em.flush();
            return callDTO(em, call);
        });
        audit.record("honours.call.create", CALL, String.valueOf(created.id()), created.year() + " " + created.title());
        return created;
    }

    /**
     * 修改评选通知: the whole call again, as for {@link #createCall}, while nominations are open. Awards
     * are matched by code and keep their nominations; an award that has nominations cannot be removed or
     * change kind, and no unit's quota may fall below the nominations it has made.
     */
    public CallDTO updateCall(UnionPrincipal caller, long id, CallEditDTO input) {
        requireUnionAdmin(caller);
        CallEditDTO valid = HonoursInputs.call(input, noticeDays);
        for (int i = 0; i < valid.quotas().size(); i++) {
            long unitId = valid.quotas().get(i).unitId();
            if (directory.findUnit(unitId).filter(u -> !u.retired()).isEmpty()) {
                throw ApiException.invalidField("quotas[" + i + "].unitId", "单位不存在或已撤销", "unknown or retired unit");
            }
        }
        return changeCall(caller, id, "honours.call.update", (em, call, now) -> {
            if (call.status != CallStatus.NOMINATING) {
                throw wrongStage(call);
            }
            call.year = valid.year();
            call.title = valid.title();
            call.description = valid.description();
            call.nominationOpens = valid.nominationOpens();
            call.nominationCloses = valid.nominationCloses();
            call.noticeDays = valid.noticeDays();
            call.defaultQuota = valid.defaultQuota();
            call.committeeDuty = valid.committeeDuty();
            replaceCategories(em, call, valid.categories());
            replaceQuotas(em, call, valid.quotas());
            return call.year + " " + call.title;
        });
    }

    private void replaceCategories(EntityManager em, HonoursCallEntity call, List<CategoryEditDTO> edits) {
        Map<String, HonoursCategoryEntity> existing = new HashMap<>();
        for (HonoursCategoryEntity category : em.createQuery("select c from HonoursCategoryEntity c where c.callId = :call",
                HonoursCategoryEntity.class).setParameter("call", call.id).getResultList()) {
            existing.put(category.code, category);
        }
        for (CategoryEditDTO edit : edits) {
            HonoursCategoryEntity category = existing.remove(edit.code());
            if (category == null) {
                category = new HonoursCategoryEntity();
                category.callId = call.id;
                category.code = edit.code();
                em.persist(category);
            } else if (category.kind != edit.kind() && nominations(em, category) > 0) {
                throw ApiException.conflict("honours.category-in-use", "奖项“" + category.name + "”已有推荐，不能改变个人或集体类型",
                        "The award " + category.code + " has nominations: its kind cannot change");
            }
            category.name = edit.name();
            category.kind = edit.kind();
            category.places = edit.places();
            category.eligibility = edit.eligibility();
            category.memberCategory = edit.memberCategory();
            category.minMemberYears = edit.minMemberYears();
            em.flush(); // ids of new awards in the order given
        }
        for (HonoursCategoryEntity removed : existing.values()) {
            if (nominations(em, removed) > 0) {
                throw ApiException.conflict("honours.category-in-use", "奖项“" + removed.name + "”已有推荐，不能删除",
                        "The award " + removed.code + " has nominations and cannot be removed");
            }
            em.remove(removed);
        }
    }

    private static long nominations(EntityManager em, HonoursCategoryEntity category) {
        return em.createQuery("select count(n) from HonoursNominationEntity n where n.categoryId = :category", Long.class)
                .setParameter("category", category.id).getSingleResult();
    }

    private static void replaceQuotas(EntityManager em, HonoursCallEntity call, List<QuotaDTO> edits) {
        em.createQuery("delete from HonoursQuotaEntity q where q.callId = :call").setParameter("call", call.id).executeUpdate();
        for (QuotaDTO edit : edits) {
            HonoursQuotaEntity quota = new HonoursQuotaEntity();
            quota.callId = call.id;
            quota.unitId = edit.unitId();
            quota.quota = edit.quota();
            em.persist(quota);
        }
        em.flush();
        for (Long unitId : em.createQuery("select distinct n.unitId from HonoursNominationEntity n where n.callId = :call",
                Long.class).setParameter("call", call.id).getResultList()) {
            int quota = quota(em, call, unitId);
            long used = used(em, call.id, unitId);
            if (used > quota) {
                throw ApiException.conflict("honours.quota-below-used", "单位 " + unitId + " 已推荐 " + used + " 个，名额不能少于此数",
                        "Unit " + unitId + " has made " + used + " nominations: its quota cannot be lower");
            }
        }
    }

    /** Every call, latest first: they are public (评选通知). */
    public PageDTO<CallDTO> calls(UnionPrincipal caller, Integer year, int offset, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            String filter = year == null ? "" : " where c.year = :year";
            TypedQuery<HonoursCallEntity> rows = em.createQuery("select c from HonoursCallEntity c" + filter
                    + " order by c.year desc, c.id desc", HonoursCallEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(c) from HonoursCallEntity c" + filter, Long.class);
            if (year != null) {
                rows.setParameter("year", year);
                count.setParameter("year", year);
            }
            List<CallDTO> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(call -> callDTO(em, call)).toList();
            return new PageDTO<>(items, count.getSingleResult(), offset, limit);
        });
    }

    public CallDTO call(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> callDTO(em, call(em, id)));
    }

    // ---- nominations (the units) ----

    /** 推荐: a draft by an administrator of the nominating unit, within the timetable and the unit's quota. */
    public NominationDTO nominate(UnionPrincipal caller, long callId, NominationEditDTO input) {
        NominationEditDTO valid = HonoursInputs.nomination(input);
        if (directory.findUnit(valid.unitId()).filter(u -> !u.retired()).isEmpty()) {
            throw ApiException.invalidField("unitId", "单位不存在或已撤销", "unknown or retired unit");
        }
        if (!access.canManageUnit(caller, valid.unitId())) {
            throw ApiException.forbidden("honours.unit-not-managed", "无权以该单位名义推荐",
                    "You may not nominate for this unit");
        }
        Instant now = clock.instant();
        NominationDTO created;
        try {
            created = jpa.txExpr(TransactionType.Required, em -> {
                HonoursCallEntity call = call(em, callId);
                requireNominationOpen(call, now);
                HonoursCategoryEntity category = category(em, call, valid.categoryId());
                String nominee = eligibleNominee(category, valid, call);
                // Two nominations of one unit at once must not both pass the quota: the call's version decides.
                em.lock(call, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                int quota = quota(em, call, valid.unitId());
                long used = used(em, callId, valid.unitId());
                if (used >= quota) {
                    throw ApiException.conflict("honours.quota-exceeded",
                            "本单位推荐名额 " + quota + " 个已用完", "The unit's quota of " + quota
                                    + " nominations is used up");
                }
                String key = HonoursNominationEntity.liveKey(callId, valid.memberId(), valid.nomineeUnitId());
                if (!em.createQuery("select n.id from HonoursNominationEntity n where n.liveKey = :key", Long.class)
                        .setParameter("key", key).getResultList().isEmpty()) {
                    throw duplicateNominee();
                }
                HonoursNominationEntity nomination = new HonoursNominationEntity();
                nomination.callId = callId;
                nomination.categoryId = category.id;
                nomination.unitId = valid.unitId();
                nomination.memberId = valid.memberId();
                nomination.nomineeUnitId = valid.nomineeUnitId();
                nomination.nomineeName = nominee;
                nomination.caseText = valid.caseText();
                nomination.status = NominationStatus.DRAFT;
                nomination.liveKey = key;
                nomination.createdBy = caller.username();
                nomination.createdByAccount = caller.accountId();
                nomination.createdAt = now;
                nomination.updatedAt = now;
                em.persist(nomination);
                em.flush();
                em.persist(new HonoursStepEntity(nomination.id, "CREATE", null, nomination.status, null,
                        caller.username(), now));
                em.flush();
                return nominationDTO(em, nomination, true);
            });
        } catch (OptimisticLockException concurrent) {
            throw changed();
        } catch (PersistenceException race) {
            throw uniqueKey(race) ? duplicateNominee() : race;
        }
        audit.record("honours.nomination.create", NOMINATION, String.valueOf(created.id()),
                "call " + callId + " unit " + created.unitId() + ": " + created.nomineeName());
        return created;
    }

    /** 修改: the case text (and the nominee within the same award) while a draft or returned. */
    public NominationDTO updateNomination(UnionPrincipal caller, long id, NominationEditDTO input) {
        NominationEditDTO valid = HonoursInputs.nomination(input);
        return change(caller, id, "honours.nomination.update", (em, nomination, call, now) -> {
            if (!EDITABLE.contains(nomination.status)) {
                throw invalidTransition(nomination);
            }
            requireNominationOpen(call, now);
            if (valid.unitId() != nomination.unitId || valid.categoryId() != nomination.categoryId) {
                throw ApiException.invalidField(valid.unitId() != nomination.unitId ? "unitId" : "categoryId",
                        "不能修改推荐单位或奖项，请撤回后重新推荐", "cannot change; withdraw and nominate again");
            }
            HonoursCategoryEntity category = category(em, call, nomination.categoryId);
            String nominee = eligibleNominee(category, valid, call);
            String key = HonoursNominationEntity.liveKey(call.id, valid.memberId(), valid.nomineeUnitId());
            if (!key.equals(nomination.liveKey) && !em.createQuery(
                    "select n.id from HonoursNominationEntity n where n.liveKey = :key", Long.class)
                    .setParameter("key", key).getResultList().isEmpty()) {
                throw duplicateNominee();
            }
            nomination.liveKey = key;
            nomination.memberId = valid.memberId();
            nomination.nomineeUnitId = valid.nomineeUnitId();
            nomination.nomineeName = nominee;
            nomination.caseText = valid.caseText();
            return nominee;
        });
    }

    /** 提交: a draft goes to the union's eligibility check. */
    public NominationDTO submit(UnionPrincipal caller, long id) {
        return change(caller, id, "honours.nomination.submit", (em, nomination, call, now) -> {
            if (nomination.status != NominationStatus.DRAFT) {
                throw invalidTransition(nomination);
            }
            requireNominationOpen(call, now);
            eligibleNominee(category(em, call, nomination.categoryId), edit(nomination), call);
            nomination.follow(flows.submit(HonoursFlow.CHECK, caller, nomination.unitId, now).after());
            move(em, nomination, "SUBMIT", NominationStatus.SUBMITTED, null, caller, now);
            return nomination.nomineeName;
        });
    }

    /** 重新提交 a returned nomination. */
    public NominationDTO resubmit(UnionPrincipal caller, long id) {
        return change(caller, id, "honours.nomination.resubmit", (em, nomination, call, now) -> {
            if (nomination.status != NominationStatus.RETURNED) {
                throw invalidTransition(nomination);
            }
            requireNominationOpen(call, now);
            eligibleNominee(category(em, call, nomination.categoryId), edit(nomination), call);
            nomination.follow(flows.act(HonoursFlow.CHECK, nomination.flowCase(), caller, FlowAction.RESUBMIT, null,
                    null, now).after());
            move(em, nomination, "RESUBMIT", NominationStatus.SUBMITTED, null, caller, now);
            return nomination.nomineeName;
        });
    }

    /** 撤回: a draft, a submitted or a returned nomination; its place is free again. */
    public NominationDTO withdraw(UnionPrincipal caller, long id) {
        return change(caller, id, "honours.nomination.withdraw", (em, nomination, call, now) -> {
            if (nomination.status == NominationStatus.SUBMITTED || nomination.status == NominationStatus.RETURNED) {
                nomination.follow(flows.act(HonoursFlow.CHECK, nomination.flowCase(), caller, FlowAction.WITHDRAW,
                        null, null, now).after());
            } else if (nomination.status != NominationStatus.DRAFT) {
                throw invalidTransition(nomination);
            }
            move(em, nomination, "WITHDRAW", NominationStatus.WITHDRAWN, null, caller, now);
            return nomination.nomineeName;
        });
    }

    /** 资格审查 by the union: the core's flow decides who may (a union administrator, never the nominator). */
    public NominationDTO review(UnionPrincipal caller, long id, ReviewDTO input) {
        requireUnionAdmin(caller);
        ReviewDTO in = Fields.body(input);
        if (in.decision() == null) {
            throw ApiException.missingField("decision");
        }
        String comment = Fields.text("comment", in.comment(), HonoursInputs.MAX_COMMENT,
                in.decision() != Decision.APPROVE);
        return change(caller, id, "honours.nomination." + in.decision().name().toLowerCase(),
                (em, nomination, call, now) -> {
                    if (nomination.status != NominationStatus.SUBMITTED || call.status != CallStatus.NOMINATING) {
                        throw invalidTransition(nomination);
                    }
                    nomination.follow(flows.act(HonoursFlow.CHECK, nomination.flowCase(), caller, in.decision().action,
                            HonoursFlow.CHECK_STAGE, comment, now).after());
                    nomination.reviewComment = comment;
                    move(em, nomination, in.decision().name(), in.decision().to, comment, caller, now);
                    if (in.decision() != Decision.APPROVE && nomination.createdByAccount > 0) {
                        notifyAccount(nomination.createdByAccount, Notice.of("评优推荐" + in.decision().to.label() + "："
                                + nomination.nomineeName, comment, "/api/honours/nominations/" + nomination.id));
                    }
                    return nomination.nomineeName;
                });
    }

    /** Nominations of the units the caller manages (all for a union administrator), in one call or all. */
    public PageDTO<NominationDTO> nominations(UnionPrincipal caller, Long callId, NominationStatus status, int offset,
            int limit) {
        UnitScope scope = access.manageableUnits(caller);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            return new PageDTO<>(List.of(), 0, offset, limit);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!scope.isAll()) {
            where.add("n.unitId in :units");
            parameters.put("units", scope.unitIds());
        }
        if (callId != null) {
            where.add("n.callId = :call");
            parameters.put("call", callId);
        }
        if (status != null) {
            where.add("n.status = :status");
            parameters.put("status", status);
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<HonoursNominationEntity> rows = em.createQuery("select n from HonoursNominationEntity n" + filter
                    + " order by n.callId desc, n.unitId, n.id", HonoursNominationEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(n) from HonoursNominationEntity n" + filter,
                    Long.class);
            parameters.forEach((name, value) -> {
                rows.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<NominationDTO> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(n -> nominationDTO(em, n, false)).toList();
            return new PageDTO<>(items, count.getSingleResult(), offset, limit);
        });
    }

    /** One nomination, with its history: for who manages its unit (and the union); else 404. */
    public NominationDTO nomination(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> nominationDTO(em, managed(em, caller, id), true));
    }

    /** May the caller see the nomination's attachments (who manages its unit)? */
    public boolean maySeeNomination(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            HonoursNominationEntity nomination = em.find(HonoursNominationEntity.class, id);
            return nomination != null && access.canManageUnit(caller, nomination.unitId);
        });
    }

    /** May the caller add or remove attachments: its unit's administrators while it is a draft or returned. */
    public boolean mayChangeNomination(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            HonoursNominationEntity nomination = em.find(HonoursNominationEntity.class, id);
            return nomination != null && access.canManageUnit(caller, nomination.unitId)
                    && EDITABLE.contains(nomination.status);
        });
    }

    // ---- the committee's ballot ----

    /**
     * 评审投票: closes nominations (if the timetable has not yet) and opens a secret ballot of the core to
     * the holders of the call's duty, one option per eligible nomination, at most the award's places per award.
     */
    public CallDTO openBallot(UnionPrincipal caller, long callId, BallotOpenDTO input) {
        requireUnionAdmin(caller);
        BallotOpenDTO in = Fields.body(input);
        Instant opensAt = Fields.time("opensAt", in.opensAt());
        Instant closesAt = Fields.time("closesAt", in.closesAt());
        if (!closesAt.isAfter(opensAt)) {
            throw ApiException.invalidField("closesAt", "截止时间应晚于开始时间", "must be after opensAt");
        }
        CallDTO opened = changeCall(caller, callId, "honours.ballot.open", (em, call, now) -> {
            if (call.status != CallStatus.NOMINATING) {
                throw wrongStage(call);
            }
            List<HonoursNominationEntity> nominations = em.createQuery("select n from HonoursNominationEntity n"
                    + " where n.callId = :call order by n.categoryId, n.id", HonoursNominationEntity.class)
                    .setParameter("call", callId).getResultList();
            long pending = nominations.stream().filter(n -> n.status == NominationStatus.SUBMITTED
                    || n.status == NominationStatus.RETURNED).count();
            if (pending > 0) {
                throw ApiException.conflict("honours.ballot.checks-pending", "还有 " + pending + " 个推荐未完成资格审查",
                        pending + " nominations still wait for the eligibility check");
            }
            Map<Long, HonoursCategoryEntity> categories = categories(em, callId);
            List<BallotOption> options = new ArrayList<>();
            Map<String, Integer> limits = new LinkedHashMap<>();
            Map<Long, String> units = unitNames();
            for (HonoursNominationEntity nomination : nominations) {
                if (nomination.status == NominationStatus.DRAFT) {
                    move(em, nomination, "EXPIRE", NominationStatus.WITHDRAWN, "推荐截止时未提交", caller, now);
                } else if (nomination.status == NominationStatus.ELIGIBLE) {
                    HonoursCategoryEntity category = categories.get(nomination.categoryId);
                    options.add(new BallotOption(optionKey(nomination.id), nomination.nomineeName + "（"
                            + units.getOrDefault(nomination.unitId, "#" + nomination.unitId) + "）", category.code));
                    limits.put(category.code, category.places);
                }
            }
            if (options.isEmpty()) {
                throw ApiException.conflict("honours.ballot.no-candidates", "没有通过资格审查的推荐",
                        "No nomination passed the eligibility check");
            }
            int maxChoices = Math.min(options.size(), limits.values().stream().mapToInt(Integer::intValue).sum());
            BallotDTO ballot = ballots.create(new BallotDefinition(call.title + "（评审投票）", options, opensAt, closesAt,
                    true, null, call.committeeDuty, maxChoices, limits));
            call.ballotId = ballot.id();
            call.status = CallStatus.VOTING;
            if (now.isBefore(call.nominationCloses)) {
                call.nominationCloses = now;
            }
            return "ballot " + ballot.id() + ", " + options.size() + " candidates";
        });
        return opened;
    }

    /** 结束投票: the union closes the committee's ballot before its time (e.g. once every member voted). */
    public CallDTO closeBallot(UnionPrincipal caller, long callId) {
        requireUnionAdmin(caller);
        return changeCall(caller, callId, "honours.ballot.close", (em, call, now) -> {
            if (call.status != CallStatus.VOTING) {
                throw wrongStage(call);
            }
            ballots.close(call.ballotId);
            return "ballot " + call.ballotId;
        });
    }

    /** The ballot's counts per nomination, once the ballot is closed; union administrators only. No voter, no vote. */
    public List<ListedDTO> results(UnionPrincipal caller, long callId) {
        requireUnionAdmin(caller);
        return jpa.txExpr(TransactionType.Required, em -> {
            HonoursCallEntity call = call(em, callId);
            Map<Long, Long> counts = counts(call);
            Map<Long, HonoursCategoryEntity> categories = categories(em, callId);
            Map<Long, String> units = unitNames();
            return em.createQuery("select n from HonoursNominationEntity n where n.callId = :call and n.id in :ids"
                    + " order by n.categoryId, n.id", HonoursNominationEntity.class).setParameter("call", callId)
                    .setParameter("ids", counts.isEmpty() ? Set.of(-1L) : counts.keySet()).getResultList().stream()
                    .sorted(Comparator.comparing((HonoursNominationEntity n) -> n.categoryId)
                            .thenComparing(n -> -counts.getOrDefault(n.id, 0L)).thenComparing(n -> n.id))
                    .map(n -> listed(n, categories, units, counts.getOrDefault(n.id, 0L))).toList();
        });
    }

    // ---- public notice, objections, final list ----

    /**
     * 公示: from the closed ballot, the most voted per award up to its places (at least one vote); a tie at
     * a limit needs {@code nominationIds} naming the chosen. The notice lasts the call's {@code noticeDays}.
     */
    public CallDTO startNotice(UnionPrincipal caller, long callId, NoticeEditDTO input) {
        requireUnionAdmin(caller);
        List<Long> chosenIds = input == null ? null
                : input.nominationIds() == null ? null : Fields.ids("nominationIds", input.nominationIds(), 1000);
        List<Long> winners = new ArrayList<>();
        CallDTO started = changeCall(caller, callId, "honours.notice.start", (em, call, now) -> {
            if (call.status != CallStatus.VOTING) {
                throw wrongStage(call);
            }
            Map<Long, Long> counts = counts(call);
            Map<Long, HonoursCategoryEntity> categories = categories(em, callId);
            List<HonoursNominationEntity> candidates = em.createQuery("select n from HonoursNominationEntity n"
                    + " where n.callId = :call and n.status = :eligible order by n.id", HonoursNominationEntity.class)
                    .setParameter("call", callId).setParameter("eligible", NominationStatus.ELIGIBLE).getResultList();
            Set<Long> chosen = chosenIds == null ? choose(candidates, counts, categories)
                    : checkChosen(chosenIds, candidates, counts, categories);
            for (HonoursNominationEntity nomination : candidates) {
                nomination.votes = counts.getOrDefault(nomination.id, 0L);
                boolean listed = chosen.contains(nomination.id);
                move(em, nomination, listed ? "LIST" : "NOT_CHOSEN",
                        listed ? NominationStatus.LISTED : NominationStatus.NOT_CHOSEN, null, caller, now);
                if (listed && nomination.memberId != null) {
                    winners.add(nomination.memberId);
                }
            }
            call.status = CallStatus.NOTICE;
            call.noticeFrom = now;
            call.noticeUntil = now.plus(Duration.ofDays(call.noticeDays));
            if (!winners.isEmpty()) {
                notifications.toMembers(winners, Notice.of("评选结果公示：" + call.title,
                        "您已列入公示名单，公示期至 " + call.noticeUntil.atZone(ZONE).toLocalDate(),
                        "/api/honours/calls/" + call.id + "/list"));
            }
            return chosen.size() + " listed until " + call.noticeUntil;
        });
        return started;
    }

    /** The names chosen by the votes, or a 409 when a tie at a limit leaves the choice to the union. */
    static Set<Long> choose(List<HonoursNominationEntity> candidates, Map<Long, Long> counts,
            Map<Long, HonoursCategoryEntity> categories) {
        Set<Long> chosen = new LinkedHashSet<>();
        Map<Long, List<HonoursNominationEntity>> byCategory = candidates.stream()
                .collect(Collectors.groupingBy(n -> n.categoryId, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<Long, List<HonoursNominationEntity>> entry : byCategory.entrySet()) {
            HonoursCategoryEntity category = categories.get(entry.getKey());
            List<HonoursNominationEntity> ranked = entry.getValue().stream()
                    .filter(n -> counts.getOrDefault(n.id, 0L) > 0)
                    .sorted(Comparator.comparing((HonoursNominationEntity n) -> -counts.get(n.id))).toList();
            if (ranked.size() > category.places) {
                long last = counts.get(ranked.get(category.places - 1).id);
                long next = counts.get(ranked.get(category.places).id);
                if (last == next) {
                    List<String> tied = ranked.stream().filter(n -> counts.get(n.id) == last)
                            .map(n -> n.nomineeName + " #" + n.id).toList();
                    throw new ApiException(409, "honours.notice.tie", category.name + "第 " + category.places
                            + " 名票数相同，请在 nominationIds 中指定公示名单", category.name + ": votes tie at place "
                            + category.places + "; name the listed nominations in nominationIds", tied);
                }
                ranked = ranked.subList(0, category.places);
            }
            ranked.forEach(n -> chosen.add(n.id));
        }
        return chosen;
    }

    private static Set<Long> checkChosen(List<Long> ids, List<HonoursNominationEntity> candidates,
            Map<Long, Long> counts, Map<Long, HonoursCategoryEntity> categories) {
        Map<Long, HonoursNominationEntity> byId = candidates.stream().collect(Collectors.toMap(n -> n.id,
                Function.identity()));
        Map<Long, Integer> perCategory = new HashMap<>();
        for (Long id : ids) {
            HonoursNominationEntity nomination = byId.get(id);
            if (nomination == null || counts.getOrDefault(id, 0L) == 0) {
                throw ApiException.invalidField("nominationIds", "#" + id + " 不是本次得票的候选推荐",
                        "#" + id + " is not a candidate of this ballot with votes");
            }
            HonoursCategoryEntity category = categories.get(nomination.categoryId);
            if (perCategory.merge(category.id, 1, Integer::sum) > category.places) {
                throw ApiException.invalidField("nominationIds", category.name + "最多 " + category.places + " 名",
                        category.name + ": at most " + category.places);
            }
        }
        return new LinkedHashSet<>(ids);
    }

    /** 公示名单 / 公布名单: everyone signed in, once the notice has started. */
    public PublicListDTO publicList(UnionPrincipal caller, long callId) {
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> {
            HonoursCallEntity call = call(em, callId);
            if (call.status != CallStatus.NOTICE && call.status != CallStatus.FINAL) {
                throw ApiException.conflict("honours.notice.not-started", "评选结果尚未公示",
                        "The result is not on notice yet");
            }
            Map<Long, HonoursCategoryEntity> categories = categories(em, callId);
            Map<Long, String> units = unitNames();
            Set<NominationStatus> shown = call.status == CallStatus.FINAL ? EnumSet.of(NominationStatus.AWARDED)
                    : EnumSet.of(NominationStatus.LISTED, NominationStatus.STRUCK);
            List<ListedDTO> items = em.createQuery("select n from HonoursNominationEntity n where n.callId = :call"
                    + " and n.status in :shown order by n.categoryId, n.id", HonoursNominationEntity.class)
                    .setParameter("call", callId).setParameter("shown", shown).getResultList().stream()
                    .map(n -> listed(n, categories, units, null)).toList();
            return new PublicListDTO(call.id, call.year, call.title, call.status, call.status.label(), call.noticeFrom,
                    call.noticeUntil, objectionsOpen(call, now), items);
        });
    }

    /** Calls on notice or published, latest first: what a member reads (公示公告). */
    public List<PublicListDTO> notices(UnionPrincipal caller) {
        List<Long> ids = jpa.txExpr(TransactionType.Required, em -> em.createQuery("select c.id from"
                + " HonoursCallEntity c where c.status in :shown order by c.year desc, c.id desc", Long.class)
                .setParameter("shown", EnumSet.of(CallStatus.NOTICE, CallStatus.FINAL)).setMaxResults(100)
                .getResultList());
        return ids.stream().map(id -> publicList(caller, id)).toList();
    }

    /** 异议: a member, in their own name, against a listed name while the notice runs. */
    public ObjectionDTO object(UnionPrincipal caller, long callId, ObjectionEditDTO input) {
        if (caller.memberId() == null) {
            throw ApiException.forbidden("honours.objection.members-only", "仅会员可实名提出异议",
                    "Only members may object, in their own name");
        }
        ObjectionEditDTO in = Fields.body(input);
        if (in.nominationId() == null) {
            throw ApiException.missingField("nominationId");
        }
        String reason = Fields.text("reason", in.reason(), HonoursInputs.MAX_REASON, true);
        Instant now = clock.instant();
        ObjectionDTO filed = jpa.txExpr(TransactionType.Required, em -> {
            HonoursCallEntity call = call(em, callId);
            if (!objectionsOpen(call, now)) {
                throw ApiException.conflict("honours.objection.not-open", "不在公示期内，不能提出异议",
                        "Objections are taken only while the notice runs");
            }
            HonoursNominationEntity nomination = em.find(HonoursNominationEntity.class, in.nominationId());
            if (nomination == null || nomination.callId != callId || nomination.status != NominationStatus.LISTED) {
                throw ApiException.invalidField("nominationId", "不在本次公示名单中", "is not on this notice");
            }
            long mine = em.createQuery("select count(o) from HonoursObjectionEntity o where o.nominationId = :n"
                    + " and o.memberId = :m", Long.class).setParameter("n", nomination.id)
                    .setParameter("m", caller.memberId()).getSingleResult();
            if (mine > 0) {
                throw ApiException.conflict("honours.objection.duplicate", "您已对该名单提出过异议",
                        "You already objected to this name");
            }
            HonoursObjectionEntity objection = new HonoursObjectionEntity();
            objection.callId = callId;
            objection.nominationId = nomination.id;
            objection.memberId = caller.memberId();
            objection.filedBy = caller.username();
            objection.reason = reason;
            objection.filedAt = now;
            em.persist(objection);
            em.flush();
            return objectionDTO(objection, nomination.nomineeName);
        });
        audit.record("honours.objection.file", OBJECTION, String.valueOf(filed.id()),
                "call " + callId + " nomination " + filed.nominationId());
        return filed;
    }

    /** A call's objections with their filers: union administrators only. */
    public List<ObjectionDTO> objections(UnionPrincipal caller, long callId) {
        requireUnionAdmin(caller);
        return jpa.txExpr(TransactionType.Required, em -> {
            call(em, callId);
            return objectionDTOs(em, em.createQuery("select o from HonoursObjectionEntity o where o.callId = :call"
                    + " order by o.id", HonoursObjectionEntity.class).setParameter("call", callId).getResultList());
        });
    }

    /** The objections I filed, with their answers. */
    public List<ObjectionDTO> myObjections(UnionPrincipal caller) {
        if (caller.memberId() == null) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> objectionDTOs(em, em.createQuery(
                "select o from HonoursObjectionEntity o where o.memberId = :m order by o.id desc",
                HonoursObjectionEntity.class).setParameter("m", caller.memberId()).setMaxResults(500).getResultList()));
    }

    /** One objection: its filer or a union administrator; anyone else 404, like an unknown id. */
    public ObjectionDTO objection(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            HonoursObjectionEntity objection = em.find(HonoursObjectionEntity.class, id);
            if (objection == null || !(caller.hasRole(Roles.UNION_ADMIN)
                    || caller.memberId() != null && caller.memberId() == objection.memberId)) {
                throw ApiException.notFound("honours.objection.not-found", "异议不存在", "No such objection");
            }
            return objectionDTOs(em, List.of(objection)).get(0);
        });
    }

    /** 答复异议: union administrators; upheld strikes the name from the list. Answered once. */
    public ObjectionDTO answer(UnionPrincipal caller, long id, AnswerDTO input) {
        requireUnionAdmin(caller);
        AnswerDTO in = Fields.body(input);
        String answer = Fields.text("answer", in.answer(), HonoursInputs.MAX_REASON, true);
        if (in.upheld() == null) {
            throw ApiException.missingField("upheld");
        }
        Instant now = clock.instant();
        ObjectionDTO answered;
        try {
            answered = jpa.txExpr(TransactionType.Required, em -> {
                HonoursObjectionEntity objection = em.find(HonoursObjectionEntity.class, id);
                if (objection == null) {
                    throw ApiException.notFound("honours.objection.not-found", "异议不存在", "No such objection");
                }
                if (objection.answeredAt != null) {
                    throw ApiException.conflict("honours.objection.answered", "该异议已答复",
                            "The objection is already answered");
                }
                HonoursCallEntity call = call(em, objection.callId);
                if (call.status != CallStatus.NOTICE) {
                    throw wrongStage(call);
                }
                HonoursNominationEntity nomination = em.find(HonoursNominationEntity.class, objection.nominationId);
                objection.answer = answer;
                objection.upheld = in.upheld();
                objection.answeredBy = caller.username();
                objection.answeredAt = now;
                if (in.upheld() && nomination.status == NominationStatus.LISTED) {
                    move(em, nomination, "STRIKE", NominationStatus.STRUCK, answer, caller, now);
                }
                notifications.toMembers(List.of(objection.memberId), Notice.of("您的异议已答复",
                        answer.length() > 1000 ? answer.substring(0, 1000) + "…" : answer,
                        "/api/honours/objections/" + objection.id));
                em.flush();
                return objectionDTO(objection, nomination.nomineeName);
            });
        } catch (OptimisticLockException concurrent) {
            throw changed();
        }
        audit.record("honours.objection.answer", OBJECTION, String.valueOf(id), in.upheld() ? "upheld" : "not upheld");
        return answered;
    }

    /** 定稿公布: after the notice period, with every objection answered; the listed names are awarded. */
    public CallDTO finalise(UnionPrincipal caller, long callId) {
        requireUnionAdmin(caller);
        return changeCall(caller, callId, "honours.call.finalise", (em, call, now) -> {
            if (call.status != CallStatus.NOTICE) {
                throw wrongStage(call);
            }
            long open = unanswered(em, callId);
            if (open > 0) {
                throw ApiException.conflict("honours.objections-unanswered", "还有 " + open + " 条异议未答复",
                        open + " objections are not answered yet");
            }
            if (now.isBefore(call.noticeUntil)) {
                throw ApiException.conflict("honours.notice.running", "公示期至 " + call.noticeUntil
                        + "，期满后才能定稿", "The notice runs until " + call.noticeUntil + "; finalise after it");
            }
            List<HonoursNominationEntity> listed = em.createQuery("select n from HonoursNominationEntity n"
                    + " where n.callId = :call and n.status = :listed order by n.id", HonoursNominationEntity.class)
                    .setParameter("call", callId).setParameter("listed", NominationStatus.LISTED).getResultList();
            Set<Long> members = new HashSet<>();
            for (HonoursNominationEntity nomination : listed) {
                move(em, nomination, "AWARD", NominationStatus.AWARDED, null, caller, now);
                if (nomination.memberId != null) {
                    members.add(nomination.memberId);
                }
            }
            call.status = CallStatus.FINAL;
            call.finalisedBy = caller.username();
            call.finalisedAt = now;
            if (!members.isEmpty()) {
                notifications.toMembers(members, Notice.of("荣誉公布：" + call.title, "恭喜您获得表彰",
                        "/api/honours/me"));
            }
            return listed.size() + " awarded";
        });
    }

    // ---- my record, tasks, indicators ----

    /** 我的荣誉: the member's own individual honours and those of the unit or group they belong to, latest first. */
    public MyHonoursDTO mine(UnionPrincipal caller) {
        if (caller.memberId() == null) {
            throw ApiException.forbidden("honours.members-only", "仅会员有荣誉记录", "Only members have an honour record");
        }
        long memberId = caller.memberId();
        Set<Long> units = new HashSet<>();
        directory.placement(memberId).map(MemberPlacement::unitPath).ifPresent(units::addAll);
        directory.findMember(memberId).ifPresent(m -> {
            units.add(m.unitId());
            if (m.groupId() != null) {
                units.add(m.groupId());
            }
        });
        Map<Long, String> unitNames = unitNames();
        List<HonourDTO> items = jpa.txExpr(TransactionType.Required, em -> {
            List<HonoursNominationEntity> rows = em.createQuery("select n from HonoursNominationEntity n"
                    + " where n.status in :shown and (n.memberId = :m or n.nomineeUnitId in :units) order by n.id desc",
                    HonoursNominationEntity.class).setParameter("shown", NominationStatus.PUBLIC)
                    .setParameter("m", memberId).setParameter("units", units.isEmpty() ? Set.of(-1L) : units)
                    .setMaxResults(500).getResultList();
            List<HonourDTO> honours = new ArrayList<>();
            for (HonoursNominationEntity n : rows) {
                HonoursCallEntity call = em.find(HonoursCallEntity.class, n.callId);
                HonoursCategoryEntity category = em.find(HonoursCategoryEntity.class, n.categoryId);
                honours.add(new HonourDTO(call.year, call.id, call.title, category.name, category.kind, n.nomineeName,
                        unitNames.getOrDefault(n.unitId, "#" + n.unitId), n.status, n.status.label()));
            }
            honours.sort(Comparator.comparing(HonourDTO::year).reversed());
            return honours;
        });
        return new MyHonoursDTO(memberId, items.size(), items);
    }

    /**
     * What waits on {@code user}: a unit's open calls with places left, its drafts and returned nominations;
     * for the union the eligibility checks (the core's flow), ballots to turn into a notice, objections to
     * answer and notices to finalise. Members and operators manage no unit: nothing here waits on them.
     */
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        UnitScope scope = access.manageableUnits(user);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Long, String> names = unitNames();
        return jpa.txExpr(TransactionType.Required, em -> {
            List<TaskDTO> tasks = new ArrayList<>();
            List<HonoursCallEntity> calls = em.createQuery("select c from HonoursCallEntity c where c.status <> :final"
                    + " order by c.id", HonoursCallEntity.class).setParameter("final", CallStatus.FINAL)
                    .setMaxResults(MAX_TASKS).getResultList();
            for (HonoursCallEntity call : calls) {
                if (call.nominationOpen(now) && !scope.isAll()) {
                    // the units granted to the administrator, not every unit and group below them
                    for (long unitId : user.adminUnitIds()) {
                        Optional<UnitDTO> unit = directory.findUnit(unitId);
                        if (unit.isPresent() && !unit.get().retired() && used(em, call.id, unitId) < quota(em, call, unitId)
                                && quota(em, call, unitId) > 0) {
                            tasks.add(new TaskDTO("推荐：" + call.title + "（" + unit.get().name() + "）",
                                    "/api/honours/calls/" + call.id, "推荐", call.nominationOpens, call.nominationCloses));
                        }
                    }
                }
                if (scope.isAll() && user.hasRole(Roles.UNION_ADMIN)) {
                    if (call.status == CallStatus.VOTING && ballots.tally(call.ballotId).isPresent()) {
                        tasks.add(new TaskDTO("公示评选结果：" + call.title, "/api/honours/calls/" + call.id, "公示",
                                call.nominationCloses, null));
                    } else if (call.status == CallStatus.NOTICE) {
                        long open = unanswered(em, call.id);
                        if (open > 0) {
                            tasks.add(new TaskDTO("答复异议（" + open + " 条）：" + call.title, "/api/honours/calls/"
                                    + call.id + "/objections", "答复异议", call.noticeFrom, call.noticeUntil));
                        } else if (!now.isBefore(call.noticeUntil)) {
                            tasks.add(new TaskDTO("定稿公布：" + call.title, "/api/honours/calls/" + call.id, "定稿",
                                    call.noticeUntil, null));
                        }
                    }
                }
            }
            TypedQuery<HonoursNominationEntity> open = em.createQuery("select n from HonoursNominationEntity n"
                    + " where n.status in :open" + (scope.isAll() ? "" : " and n.unitId in :units") + " order by n.id",
                    HonoursNominationEntity.class).setParameter("open", EnumSet.of(NominationStatus.DRAFT,
                            NominationStatus.SUBMITTED, NominationStatus.RETURNED)).setMaxResults(MAX_TASKS);
            if (!scope.isAll()) {
                open.setParameter("units", scope.unitIds());
            }
            for (HonoursNominationEntity n : open.getResultList()) {
                String title = n.nomineeName + "（" + names.getOrDefault(n.unitId, "#" + n.unitId) + "）";
                String link = "/api/honours/nominations/" + n.id;
                if (n.status == NominationStatus.DRAFT) {
                    if (scope.covers(n.unitId) && !scope.isAll()) {
                        tasks.add(new TaskDTO("提交推荐：" + title, link, NominationStatus.DRAFT.label(), n.createdAt, null));
                    }
                } else {
                    FlowCase flowCase = n.flowCase();
                    if (flows.waitsOn(HonoursFlow.CHECK, flowCase, user, now)) {
                        tasks.add(new TaskDTO((n.status == NominationStatus.SUBMITTED ? "资格审查：" : "修改推荐：") + title,
                                link, n.status.label(), flowCase.since(), flows.due(HonoursFlow.CHECK, flowCase)));
                    }
                }
            }
            return tasks;
        });
    }

    /** 荣誉数 per nominating unit for the year: the honours awarded in that year's calls. */
    public Map<Long, BigDecimal> awardsByUnit(int year) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, BigDecimal> figures = new HashMap<>();
            for (Object[] row : em.createQuery("select n.unitId, count(n) from HonoursNominationEntity n, HonoursCallEntity c"
                    + " where n.callId = c.id and c.year = :year and n.status = :awarded group by n.unitId", Object[].class)
                    .setParameter("year", year).setParameter("awarded", NominationStatus.AWARDED).getResultList()) {
                figures.put((Long) row[0], BigDecimal.valueOf((Long) row[1]));
            }
            return figures;
        });
    }

    // ---- shared steps ----

    @FunctionalInterface
    private interface NominationChange {
        String apply(EntityManager em, HonoursNominationEntity nomination, HonoursCallEntity call, Instant now);
    }

    @FunctionalInterface
    private interface CallChange {
        String apply(EntityManager em, HonoursCallEntity call, Instant now);
    }

    private NominationDTO change(UnionPrincipal caller, long id, String action, NominationChange change) {
        Instant now = clock.instant();
        try {
            return AuditedChange.run(audit, action, NOMINATION, id, () -> jpa.txExpr(TransactionType.Required, em -> {
                HonoursNominationEntity nomination = managed(em, caller, id);
                String detail = change.apply(em, nomination, call(em, nomination.callId), now);
                nomination.updatedAt = now;
                em.flush();
                return new AuditedChange.Done<>(nominationDTO(em, nomination, true), detail);
            }), HonoursService::changed);
        } catch (PersistenceException race) {
            throw uniqueKey(race) ? duplicateNominee() : race;
        }
    }

    private CallDTO changeCall(UnionPrincipal caller, long id, String action, CallChange change) {
        Instant now = clock.instant();
        return AuditedChange.run(audit, action, CALL, id, () -> jpa.txExpr(TransactionType.Required, em -> {
            HonoursCallEntity call = call(em, id);
            em.refresh(call); // a stage change reads the row itself, not the shared cache
            em.lock(call, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            String detail = change.apply(em, call, now);
            em.flush();
            return new AuditedChange.Done<>(callDTO(em, call), detail);
        }), HonoursService::changed);
    }

    private void move(EntityManager em, HonoursNominationEntity nomination, String action, NominationStatus to,
            String comment, UnionPrincipal caller, Instant now) {
        NominationStatus from = nomination.status;
        nomination.status = to;
        nomination.updatedAt = now;
        if (to == NominationStatus.WITHDRAWN || to == NominationStatus.INELIGIBLE) {
            nomination.liveKey = null;
        }
        em.persist(new HonoursStepEntity(nomination.id, action, from, to, comment, caller.username(), now));
    }

    /**
     * The nominee's name when the nominee may be nominated for the award by the unit: an individual award
     * names an active member of the unit (or a unit below it) meeting the award's conditions; a group award
     * the unit itself or a unit or group below it. Otherwise 400.
     */
    String eligibleNominee(HonoursCategoryEntity category, NominationEditDTO nomination, HonoursCallEntity call) {
        Set<Long> tree = directory.unitAndDescendants(nomination.unitId());
        if (category.kind == HonourKind.INDIVIDUAL) {
            if (nomination.memberId() == null) {
                throw ApiException.invalidField("memberId", "个人奖项须填写被推荐会员", "an individual award names a member");
            }
            MemberDTO member = directory.findMember(nomination.memberId()).orElse(null);
            if (member == null || !tree.contains(member.unitId())) {
                throw ApiException.invalidField("memberId", "不是本单位会员", "is not a member of the nominating unit");
            }
            if (member.status() != MemberStatus.ACTIVE) {
                throw ineligible("被推荐人不是在册会员", "the nominee is not an active member");
            }
            if (category.memberCategory != null
                    && (member.categories() == null || !member.categories().contains(category.memberCategory))) {
                throw ineligible("被推荐人不属于类别 " + category.memberCategory,
                        "the nominee is not in category " + category.memberCategory);
            }
            if (category.minMemberYears != null && category.minMemberYears > 0) {
                LocalDate by = LocalDate.of(call.year, 12, 31).minusYears(category.minMemberYears);
                if (member.joinDate() == null || member.joinDate().isAfter(by)) {
                    throw ineligible("入会未满 " + category.minMemberYears + " 年",
                            "a member for less than " + category.minMemberYears + " years");
                }
            }
            return member.name();
        }
        if (nomination.nomineeUnitId() == null) {
            throw ApiException.invalidField("nomineeUnitId", "集体奖项须填写被推荐单位", "a group award names a unit");
        }
        UnitDTO unit = directory.findUnit(nomination.nomineeUnitId()).orElse(null);
        if (unit == null || unit.retired() || !tree.contains(unit.id())) {
            throw ApiException.invalidField("nomineeUnitId", "不是本单位或其下属单位、小组",
                    "is not the nominating unit or a unit or group below it");
        }
        return unit.name();
    }

    private static ApiException ineligible(String zh, String en) {
        return ApiException.badRequest("honours.not-eligible", "不符合评选条件：" + zh, "Not eligible: " + en);
    }

    private static NominationEditDTO edit(HonoursNominationEntity n) {
        return new NominationEditDTO(n.categoryId, n.unitId, n.memberId, n.nomineeUnitId, n.caseText);
    }

    private static void requireNominationOpen(HonoursCallEntity call, Instant now) {
        if (!call.nominationOpen(now)) {
            throw ApiException.conflict("honours.nomination.closed", "不在推荐时间内（" + call.nominationOpens + " 至 "
                    + call.nominationCloses + "）", "Nominations are taken from " + call.nominationOpens + " to "
                            + call.nominationCloses + " only");
        }
    }

    private static boolean objectionsOpen(HonoursCallEntity call, Instant now) {
        return call.status == CallStatus.NOTICE && !now.isBefore(call.noticeFrom) && now.isBefore(call.noticeUntil);
    }

    static int quota(EntityManager em, HonoursCallEntity call, long unitId) {
        List<Integer> quota = em.createQuery("select q.quota from HonoursQuotaEntity q where q.callId = :call"
                + " and q.unitId = :unit", Integer.class).setParameter("call", call.id).setParameter("unit", unitId)
                .getResultList();
        return quota.isEmpty() ? call.defaultQuota : quota.get(0);
    }

    static long used(EntityManager em, long callId, long unitId) {
        return em.createQuery("select count(n) from HonoursNominationEntity n where n.callId = :call"
                + " and n.unitId = :unit and n.status in :inQuota", Long.class).setParameter("call", callId)
                .setParameter("unit", unitId).setParameter("inQuota", NominationStatus.IN_QUOTA).getSingleResult();
    }

    private static long unanswered(EntityManager em, long callId) {
        return em.createQuery("select count(o) from HonoursObjectionEntity o where o.callId = :call"
                + " and o.answeredAt is null", Long.class).setParameter("call", callId).getSingleResult();
    }

    /** Votes per nomination from the closed ballot; 409 while it is open. */
    private Map<Long, Long> counts(HonoursCallEntity call) {
        if (call.ballotId == null) {
            throw wrongStage(call);
        }
        TallyDTO tally = ballots.tally(call.ballotId).orElseThrow(() -> ApiException.conflict(
                "honours.ballot.not-closed", "评审投票尚未结束", "The committee's ballot has not closed yet"));
        Map<Long, Long> counts = new HashMap<>();
        for (TallyDTO.OptionCount count : tally.counts()) {
            counts.put(Long.valueOf(count.key().substring(1)), count.count());
        }
        return counts;
    }

    static String optionKey(long nominationId) {
        return "n" + nominationId;
    }

    private HonoursNominationEntity managed(EntityManager em, UnionPrincipal caller, long id) {
        HonoursNominationEntity nomination = em.find(HonoursNominationEntity.class, id);
        if (nomination == null || !access.canManageUnit(caller, nomination.unitId)) {
            throw ApiException.notFound("honours.nomination.not-found", "推荐不存在", "No such nomination");
        }
        return nomination;
    }

    private static HonoursCallEntity call(EntityManager em, long id) {
        HonoursCallEntity call = em.find(HonoursCallEntity.class, id);
        if (call == null) {
            throw ApiException.notFound("honours.call.not-found", "评选不存在", "No such award call");
        }
        return call;
    }

    private static HonoursCategoryEntity category(EntityManager em, HonoursCallEntity call, long categoryId) {
        HonoursCategoryEntity category = em.find(HonoursCategoryEntity.class, categoryId);
        if (category == null || category.callId != call.id) {
            throw ApiException.invalidField("categoryId", "不是本次评选的奖项", "is not an award of this call");
        }
        return category;
    }

    private static Map<Long, HonoursCategoryEntity> categories(EntityManager em, long callId) {
        Map<Long, HonoursCategoryEntity> categories = new LinkedHashMap<>();
        em.createQuery("select c from HonoursCategoryEntity c where c.callId = :call order by c.id",
                HonoursCategoryEntity.class).setParameter("call", callId).getResultList()
                .forEach(c -> categories.put(c.id, c));
        return categories;
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        directory.units().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    private void notifyAccount(long accountId, Notice notice) {
        notifications.toAccount(accountId, notice);
    }

    private CallDTO callDTO(EntityManager em, HonoursCallEntity call) {
        List<CategoryDTO> categories = categories(em, call.id).values().stream().map(HonoursCategoryEntity::toDTO)
                .toList();
        List<QuotaDTO> quotas = em.createQuery("select q from HonoursQuotaEntity q where q.callId = :call order by q.unitId",
                HonoursQuotaEntity.class).setParameter("call", call.id).getResultList().stream()
                .map(q -> new QuotaDTO(q.unitId, q.quota)).toList();
        return new CallDTO(call.id, call.year, call.title, call.description, call.nominationOpens,
                call.nominationCloses, call.noticeDays, call.defaultQuota, call.committeeDuty, call.status,
                call.status.label(), call.ballotId, call.noticeFrom, call.noticeUntil, call.finalisedAt, categories,
                quotas);
    }

    private NominationDTO nominationDTO(EntityManager em, HonoursNominationEntity n, boolean withSteps) {
        HonoursCallEntity call = em.find(HonoursCallEntity.class, n.callId);
        HonoursCategoryEntity category = em.find(HonoursCategoryEntity.class, n.categoryId);
        List<StepDTO> steps = withSteps ? em.createQuery("select s from HonoursStepEntity s where s.nominationId = :n"
                + " order by s.id", HonoursStepEntity.class).setParameter("n", n.id).getResultList().stream()
                .map(HonoursStepEntity::toDTO).toList() : null;
        String unitName = directory.findUnit(n.unitId).map(UnitDTO::name).orElse("#" + n.unitId);
        return new NominationDTO(n.id, n.callId, call.title, call.year, n.categoryId, category.name, category.kind,
                n.unitId, unitName, n.memberId, n.nomineeUnitId, n.nomineeName, n.caseText, n.status, n.status.label(),
                n.reviewComment, n.votes, n.createdBy, n.createdAt, steps);
    }

    private static ListedDTO listed(HonoursNominationEntity n, Map<Long, HonoursCategoryEntity> categories,
            Map<Long, String> units, Long votes) {
        HonoursCategoryEntity category = categories.get(n.categoryId);
        return new ListedDTO(n.id, category.code, category.name, category.kind, n.nomineeName,
                units.getOrDefault(n.unitId, "#" + n.unitId), n.status, n.status.label(), votes);
    }

    private List<ObjectionDTO> objectionDTOs(EntityManager em, List<HonoursObjectionEntity> objections) {
        Map<Long, String> names = new HashMap<>();
        List<ObjectionDTO> items = new ArrayList<>();
        for (HonoursObjectionEntity objection : objections) {
            String name = names.computeIfAbsent(objection.nominationId,
                    id -> em.find(HonoursNominationEntity.class, id).nomineeName);
            items.add(objectionDTO(objection, name));
        }
        return items;
    }

    private static ObjectionDTO objectionDTO(HonoursObjectionEntity o, String nomineeName) {
        return new ObjectionDTO(o.id, o.callId, o.nominationId, nomineeName, o.memberId, o.filedBy, o.reason,
                o.filedAt, o.answer, o.upheld, o.answeredBy, o.answeredAt);
    }

    private static void requireUnionAdmin(UnionPrincipal caller) {
        if (!caller.hasRole(Roles.UNION_ADMIN)) {
            throw ApiException.forbidden("honours.union-only", "仅校工会管理员可操作", "Only union administrators may do this");
        }
    }

    private static ApiException wrongStage(HonoursCallEntity call) {
        return ApiException.conflict("honours.call.wrong-stage", "评选当前处于“" + call.status.label() + "”阶段，不能进行此操作",
                "The call is " + call.status.name() + "; this step is not possible now");
    }

    private static ApiException invalidTransition(HonoursNominationEntity nomination) {
        return ApiException.conflict("honours.nomination.invalid-transition", "推荐当前为“" + nomination.status.label()
                + "”，不能进行此操作", "The nomination is " + nomination.status.name() + "; this step is not possible");
    }

    private static ApiException duplicateNominee() {
        return ApiException.conflict("honours.nominee-duplicate", "该对象已被推荐参加本次评选",
                "This nominee is already nominated in this call");
    }

    /** Two nominations of one nominee at once: the unique LIVE_KEY let one in. */
    private static boolean uniqueKey(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException
                    || cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ApiException changed() {
        return ApiException.conflict("honours.changed", "数据刚被他人修改，请刷新后重试",
                "Changed by someone else at the same time; reload and try again");
    }
}
