package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
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

import cn.edu.cumt.union.api.attachment.Attachments;
import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowCase;
import cn.edu.cumt.union.api.flow.FlowOutcome;
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
import cn.edu.cumt.union.api.storage.LockConflicts;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.api.task.TaskDTO;

/**
 * The rules of the staff congress (教代会): sessions and delegates, and a proposal's way from the draft
 * through seconding, the delegation head's check and the committee's decision to the lead department's
 * answer and its rating. The review part (who checks, who decides, never the proposer) is the core's
 * {@link Flows} over {@link CongressFlow#PROPOSAL}. A change of {@code etc/cn.edu.cumt.union.congress.cfg}
 * applies in place, from the next submission.
 */
@Component(service = CongressService.class, configurationPid = CongressService.PID)
@Designate(ocd = CongressService.Config.class)
public class CongressService {

    static final String PID = "cn.edu.cumt.union.congress";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String PROPOSAL_TYPE = "proposal";
    static final String ANSWER_TYPE = "answer";
    static final String SESSION_TYPE = "CongressSession";
    /** Days the lead department has for the one re-answer a 不满意 asks for. */
    static final int REANSWER_DAYS = 15;
    static final int MAX_TASKS = 500;
    static final int MAX_IDS = 500;
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_COMMENT = 2000;
    static final List<String> STATISTICS_HEADER = List.of("承办单位", "立案数", "已答复", "超期未答复", "答复率", "评价数",
            "满意率");
    private static final Logger LOG = LoggerFactory.getLogger(CongressService.class);

    @ObjectClassDefinition(name = "Union congress (教代会)", description = "Rules of the staff congress plugin")
    public @interface Config {
        @AttributeDefinition(name = "Seconders required",
                description = "How many delegates must second (附议) a proposal before it can be submitted (0 to 50)")
        int seconds_required() default 2;
    }

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Flows flows;
    private final Duties duties;
    private final Notifications notifications;
    private final Attachments attachments;
    private final Clock clock;
    private volatile int secondsRequired;

    /** {@code schema} is not used: referencing it makes DS wait until the CONGRESS_ tables exist. */
    @Activate
    public CongressService(@Reference(target = "(osgi.unit.name=union-congress)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=congress)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit,
            @Reference Flows flows, @Reference Duties duties, @Reference Notifications notifications,
            @Reference Attachments attachments, Config config) {
        this(jpa, directory, access, audit, flows, duties, notifications, attachments, initial(config),
                Clock.systemUTC());
    }

    /** For tests: a fixed clock and threshold. */
    CongressService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Flows flows,
            Duties duties, Notifications notifications, Attachments attachments, int secondsRequired, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.flows = flows;
        this.duties = duties;
        this.notifications = notifications;
        this.attachments = attachments;
        this.secondsRequired = secondsRequired;
        this.clock = clock;
    }

    private static int initial(Config config) {
        try {
            return secondsRequired(config);
        } catch (RuntimeException invalid) {
            LOG.error("Configuration {} is not valid ({}); 2 seconders are required", PID, invalid.getMessage());
            return 2;
        }
    }

    static int secondsRequired(Config config) {
        int n = config.seconds_required();
        if (n < 0 || n > 50) {
            throw new IllegalArgumentException("seconds.required must be 0 to 50 (is " + n + ")");
        }
        return n;
    }

    /** A change of etc/cn.edu.cumt.union.congress.cfg: applied in place, or refused (old value kept). */
    @Modified
    void modified(Config config) {
        try {
            secondsRequired = secondsRequired(config);
            LOG.info("Configuration {} applied in place: {} seconders required", PID, secondsRequired);
        } catch (RuntimeException invalid) {
            LOG.warn("Configuration {} NOT applied: {}. {} seconders stay required", PID, invalid.getMessage(),
                    secondsRequired);
        }
    }

    int secondsRequired() {
        return secondsRequired;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    // ---- sessions and delegates (the university union) ----

    public SessionDTO createSession(UnionPrincipal caller, SessionEditDTO input) {
        requireUnionAdmin(caller);
        Fields.body(input);
        String title = Fields.text("title", input.title(), MAX_TITLE, true);
        int year = Fields.year("year", input.year());
        LocalDate starts = Fields.date("startsOn", input.startsOn());
        LocalDate ends = Fields.date("endsOn", input.endsOn());
        if (ends.isBefore(starts)) {
            throw ApiException.invalidField("endsOn", "不能早于开始日期", "must not be before startsOn");
        }
        Instant now = clock.instant();
        SessionDTO created = jpa.txExpr(TransactionType.Required, em -> {
            CongressSessionEntity s = new CongressSessionEntity();
            s.title = title;
            s.year = year;
            s.startsOn = starts;
            s.endsOn = ends;
            s.createdBy = caller.username();
            s.createdAt = now;
            em.persist(s);
            em.flush();
            return session(s, 0);
        });
        audit.record("congress.session.create", SESSION_TYPE, String.valueOf(created.id()), title);
        return created;
    }

    public PageDTO<SessionDTO> sessions(int offset, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<CongressSessionEntity> page = em.createQuery(
                    "select s from CongressSessionEntity s order by s.startsOn desc, s.id desc", CongressSessionEntity.class)
                    .setFirstResult(offset).setMaxResults(limit).getResultList();
            long total = em.createQuery("select count(s) from CongressSessionEntity s", Long.class).getSingleResult();
            Map<Long, Long> counts = delegateCounts(em, page.stream().map(s -> s.id).toList());
            return new PageDTO<>(page.stream().map(s -> session(s, counts.getOrDefault(s.id, 0L))).toList(), total,
                    offset, limit);
        });
    }

    public SessionDTO getSession(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            CongressSessionEntity s = sessionEntity(em, id);
            return session(s, delegateCounts(em, List.of(id)).getOrDefault(id, 0L));
        });
    }

    /** Adds delegates; each sits in the delegation of their unit. Members already delegates are kept as they are. */
    public List<DelegateDTO> addDelegates(UnionPrincipal caller, long sessionId, MemberIdsDTO input) {
        requireUnionAdmin(caller);
        List<Long> ids = Fields.ids("memberIds", Fields.body(input).memberIds(), MAX_IDS);
        if (ids.isEmpty()) {
            throw ApiException.missingField("memberIds");
        }
        List<MemberDTO> members = new ArrayList<>();
        for (long id : ids) {
            MemberDTO m = directory.findMember(id).filter(x -> x.status() == MemberStatus.ACTIVE).orElseThrow(
                    () -> ApiException.invalidField("memberIds", "会员 " + id + " 不存在或不在籍", "member " + id
                            + " is unknown or not active"));
            members.add(m);
        }
        List<DelegateDTO> all = jpa.txExpr(TransactionType.Required, em -> {
            sessionEntity(em, sessionId);
            Set<Long> existing = new java.util.HashSet<>(em.createQuery(
                    "select d.memberId from CongressDelegateEntity d where d.sessionId = :s", Long.class)
                    .setParameter("s", sessionId).getResultList());
            for (MemberDTO m : members) {
                if (existing.add(m.id())) {
                    CongressDelegateEntity d = new CongressDelegateEntity();
                    d.sessionId = sessionId;
                    d.memberId = m.id();
                    d.unitId = m.unitId();
                    d.name = m.name();
                    em.persist(d);
                }
            }
            em.flush();
            return delegates(em, sessionId);
        });
        audit.record("congress.delegate.add", SESSION_TYPE, String.valueOf(sessionId), ids.size() + " member(s)");
        return all;
    }

    public void removeDelegate(UnionPrincipal caller, long sessionId, long memberId) {
        requireUnionAdmin(caller);
        int removed = jpa.txExpr(TransactionType.Required, em -> {
            sessionEntity(em, sessionId);
            return em.createQuery("delete from CongressDelegateEntity d where d.sessionId = :s and d.memberId = :m")
                    .setParameter("s", sessionId).setParameter("m", memberId).executeUpdate();
        });
        if (removed == 0) {
            throw ApiException.notFound("congress.delegate.not-found", "该会员不是本次会议代表",
                    "The member is not a delegate of this session");
        }
        audit.record("congress.delegate.remove", SESSION_TYPE, String.valueOf(sessionId), "member " + memberId);
    }

    public List<DelegateDTO> delegates(long sessionId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            sessionEntity(em, sessionId);
            return delegates(em, sessionId);
        });
    }

    // ---- the delegate: draft, seconders, submission ----

    public ProposalDetailDTO create(UnionPrincipal caller, ProposalEditDTO input) {
        Fields.body(input);
        if (input.sessionId() == null) {
            throw ApiException.missingField("sessionId");
        }
        long sessionId = input.sessionId();
        String title = Fields.text("title", input.title(), MAX_TITLE, true);
        String reason = Fields.text("reason", input.reason(), MAX_TEXT, true);
        String measures = Fields.text("measures", input.measures(), MAX_TEXT, true);
        Instant now = clock.instant();
        ProposalDetailDTO created = LockConflicts.retry(() -> jpa.txExpr(TransactionType.Required, em -> {
            sessionEntity(em, sessionId);
            CongressDelegateEntity delegate = requireDelegate(em, sessionId, caller);
            CongressProposalEntity p = new CongressProposalEntity();
            p.sessionId = sessionId;
            p.unitId = delegate.unitId;
            p.proposerMemberId = delegate.memberId;
            p.proposerUsername = caller.username();
            p.proposerName = delegate.name;
            p.title = title;
            p.reason = reason;
            p.measures = measures;
            p.status = ProposalStatus.DRAFT;
            p.createdAt = now;
            p.updatedAt = now;
            em.persist(p);
            em.flush();
            history(em, p, "create", null, caller, null, now);
            return detail(em, caller, p);
        }));
        audit.record("congress.proposal.create", PROPOSAL_TYPE, String.valueOf(created.proposal().id()), title);
        return created;
    }

    /** 修改: the proposer, while a draft or returned. */
    public ProposalDetailDTO update(UnionPrincipal caller, long id, ProposalEditDTO input) {
        Fields.body(input);
        String title = Fields.text("title", input.title(), MAX_TITLE, true);
        String reason = Fields.text("reason", input.reason(), MAX_TEXT, true);
        String measures = Fields.text("measures", input.measures(), MAX_TEXT, true);
        return change(caller, id, "congress.proposal.update", (em, p, now) -> {
            requireProposer(p, caller);
            requireStatus(p, "修改", ProposalStatus.DRAFT, ProposalStatus.RETURNED);
            if (input.sessionId() != null && input.sessionId() != p.sessionId) {
                throw ApiException.invalidField("sessionId", "不能修改所属会议", "cannot change");
            }
            p.title = title;
            p.reason = reason;
            p.measures = measures;
            history(em, p, "update", p.status, caller, null, now);
            return title;
        });
    }

    /** 邀请附议: the proposer invites delegates of the same session (not themself). */
    public ProposalDetailDTO invite(UnionPrincipal caller, long id, MemberIdsDTO input) {
        List<Long> ids = Fields.ids("memberIds", Fields.body(input).memberIds(), 50);
        if (ids.isEmpty()) {
            throw ApiException.missingField("memberIds");
        }
        return change(caller, id, "congress.proposal.invite", (em, p, now) -> {
            requireProposer(p, caller);
            requireStatus(p, "邀请附议", ProposalStatus.DRAFT, ProposalStatus.RETURNED);
            Map<Long, CongressDelegateEntity> delegates = delegateMap(em, p.sessionId, ids);
            Set<Long> invited = seconders(em, p.id).stream().map(s -> s.memberId).collect(Collectors.toSet());
            List<Long> fresh = new ArrayList<>();
            for (long memberId : ids) {
                CongressDelegateEntity d = delegates.get(memberId);
                if (d == null || memberId == p.proposerMemberId) {
                    throw ApiException.invalidField("memberIds", "会员 " + memberId + " 不是本次会议的其他代表",
                            "member " + memberId + " is not another delegate of this session");
                }
                if (invited.add(memberId)) {
                    CongressSeconderEntity s = new CongressSeconderEntity();
                    s.proposalId = p.id;
                    s.memberId = memberId;
                    s.name = d.name;
                    s.invitedAt = now;
                    em.persist(s);
                    fresh.add(memberId);
                }
            }
            if (!fresh.isEmpty()) {
                notifications.toMembers(fresh, Notice.of("附议邀请 · Please second a proposal",
                        p.proposerName + " 邀请您附议提案「" + p.title + "」", link(p)));
            }
            return fresh.size() + " invited";
        });
    }

    /** 附议: an invited delegate of the session seconds a draft; a second call changes nothing. */
    public ProposalDetailDTO second(UnionPrincipal caller, long id) {
        return change(caller, id, "congress.proposal.second", (em, p, now) -> {
            CongressSeconderEntity invitation = caller.memberId() == null ? null
                    : seconders(em, p.id).stream().filter(s -> s.memberId == caller.memberId()).findFirst().orElse(null);
            if (invitation == null) {
                throw ApiException.forbidden("congress.not-invited", "您未被邀请附议该提案",
                        "You were not invited to second this proposal");
            }
            requireDelegate(em, p.sessionId, caller);
            requireStatus(p, "附议", ProposalStatus.DRAFT, ProposalStatus.RETURNED);
            if (invitation.secondedAt == null) {
                invitation.secondedAt = now;
            }
            return "seconded by member " + caller.memberId();
        });
    }

    /** 提交 (or 重新提交 after a return): the proposer, once enough delegates have seconded. */
    public ProposalDetailDTO submit(UnionPrincipal caller, long id) {
        int required = secondsRequired;
        return change(caller, id, "congress.proposal.submit", (em, p, now) -> {
            requireProposer(p, caller);
            requireStatus(p, "提交", ProposalStatus.DRAFT, ProposalStatus.RETURNED);
            requireDelegate(em, p.sessionId, caller);
            long seconded = seconders(em, p.id).stream().filter(s -> s.secondedAt != null).count();
            if (seconded < required) {
                throw ApiException.conflict("congress.proposal.seconds-needed",
                        "提案需至少 " + required + " 名代表附议后才能提交，目前 " + seconded + " 名",
                        "A proposal needs " + required + " seconders before it is submitted; it has " + seconded);
            }
            ProposalStatus before = p.status;
            FlowOutcome outcome = before == ProposalStatus.DRAFT
                    ? flows.submit(CongressFlow.PROPOSAL, caller, p.unitId, now)
                    : flows.act(CongressFlow.PROPOSAL, flowCase(p), caller, FlowAction.RESUBMIT, null, null, now);
            follow(p, outcome);
            p.status = ProposalStatus.SUBMITTED;
            p.submittedAt = now;
            history(em, p, before == ProposalStatus.DRAFT ? "submit" : "resubmit", before, caller, null, now);
            tell(duties.holders(CongressFlow.HEAD_DUTY, p.unitId, today()), "提案待审核 · A proposal to check",
                    "代表 " + p.proposerName + " 提交了提案「" + p.title + "」，请审核", p);
            return p.title;
        });
    }

    // ---- the delegation head and the committee ----

    /** 团长审核: a holder of the delegation-head duty for the proposer's delegation, never the proposer. */
    public ProposalDetailDTO headCheck(UnionPrincipal caller, long id, HeadCheckDTO input) {
        Fields.body(input);
        if (input.decision() == null) {
            throw ApiException.missingField("decision");
        }
        boolean approve = input.decision() == HeadDecision.APPROVE;
        String comment = Fields.text("comment", input.comment(), MAX_COMMENT, !approve);
        return change(caller, id, "congress.proposal.head-" + input.decision().name().toLowerCase(), (em, p, now) -> {
            requireStatus(p, "审核", ProposalStatus.SUBMITTED);
            FlowOutcome outcome = flows.act(CongressFlow.PROPOSAL, flowCase(p), caller,
                    approve ? FlowAction.APPROVE : FlowAction.RETURN, CongressFlow.HEAD, comment, now);
            follow(p, outcome);
            ProposalStatus before = p.status;
            p.status = approve ? ProposalStatus.IN_COMMITTEE : ProposalStatus.RETURNED;
            history(em, p, approve ? "head-approve" : "head-return", before, caller, comment, now);
            if (approve) {
                tell(duties.holders(CongressFlow.COMMITTEE_DUTY, p.unitId, today()), "提案待审查 · A proposal to decide",
                        "提案「" + p.title + "」已经代表团团长审核，请提案工作委员会审查", p);
            } else {
                tell(List.of(p.proposerMemberId), "提案退回修改 · Proposal returned", "您的提案「" + p.title + "」被退回："
                        + comment, p);
            }
            return p.title;
        });
    }

    /** 提案审查: a committee member, never the proposer nor one of its seconders. */
    public ProposalDetailDTO decide(UnionPrincipal caller, long id, DecisionDTO input) {
        Fields.body(input);
        if (input.outcome() == null) {
            throw ApiException.missingField("outcome");
        }
        CommitteeOutcome outcome = input.outcome();
        String reason = Fields.text("reason", input.reason(), MAX_COMMENT, outcome == CommitteeOutcome.NOT_ACCEPT);
        Long lead;
        List<Long> coUnits;
        LocalDate due;
        if (outcome == CommitteeOutcome.ACCEPT) {
            if (input.leadUnitId() == null) {
                throw ApiException.missingField("leadUnitId");
            }
            lead = input.leadUnitId();
            requireDepartment("leadUnitId", lead);
            coUnits = Fields.ids("coUnitIds", input.coUnitIds(), 20);
            for (long unit : coUnits) {
                if (unit == lead) {
                    throw ApiException.invalidField("coUnitIds", "不能包含主办单位", "must not contain the lead unit");
                }
                requireDepartment("coUnitIds", unit);
            }
            due = Fields.date("dueOn", input.dueOn());
            if (due.isBefore(today())) {
                throw ApiException.invalidField("dueOn", "不能早于今天", "must not be in the past");
            }
        } else {
            if (input.leadUnitId() != null || (input.coUnitIds() != null && !input.coUnitIds().isEmpty())
                    || input.dueOn() != null) {
                throw ApiException.invalidField("leadUnitId", "仅立案时指定承办单位和期限",
                        "departments and deadline are given only to accept");
            }
            lead = null;
            coUnits = List.of();
            due = null;
        }
        if (outcome == CommitteeOutcome.MERGE && input.mergeInto() == null) {
            throw ApiException.missingField("mergeInto");
        }
        if (outcome != CommitteeOutcome.MERGE && input.mergeInto() != null) {
            throw ApiException.invalidField("mergeInto", "仅并案时填写", "only to merge");
        }
        return change(caller, id, "congress.proposal." + outcome.name().toLowerCase().replace('_', '-'),
                (em, p, now) -> {
                    requireStatus(p, "审查", ProposalStatus.IN_COMMITTEE);
                    if (caller.memberId() != null && seconders(em, p.id).stream()
                            .anyMatch(s -> s.memberId == caller.memberId() && s.secondedAt != null)) {
                        throw ApiException.forbidden("congress.own-proposal", "提案的附议人不能审查该提案",
                                "A seconder never decides the proposal");
                    }
                    CongressProposalEntity kept = null;
                    if (outcome == CommitteeOutcome.MERGE) {
                        kept = em.find(CongressProposalEntity.class, input.mergeInto());
                        if (kept == null || kept.id.equals(p.id) || kept.sessionId != p.sessionId
                                || !EnumSet.of(ProposalStatus.IN_COMMITTEE, ProposalStatus.ACCEPTED,
                                        ProposalStatus.ANSWERED, ProposalStatus.CLOSED).contains(kept.status)) {
                            throw ApiException.invalidField("mergeInto", "应为同一会议中待审查或已立案的另一件提案",
                                    "must be another proposal of the session, in committee or accepted");
                        }
                    }
                    FlowOutcome step = flows.act(CongressFlow.PROPOSAL, flowCase(p), caller,
                            outcome == CommitteeOutcome.ACCEPT ? FlowAction.APPROVE : FlowAction.REJECT,
                            CongressFlow.COMMITTEE, reason, now);
                    follow(p, step);
                    ProposalStatus before = p.status;
                    p.status = switch (outcome) {
                        case ACCEPT -> ProposalStatus.ACCEPTED;
                        case OPINION -> ProposalStatus.OPINION;
                        case MERGE -> ProposalStatus.MERGED;
                        case NOT_ACCEPT -> ProposalStatus.NOT_ACCEPTED;
                    };
                    p.decisionReason = reason;
                    p.decidedBy = caller.username();
                    p.decidedAt = now;
                    p.mergedIntoId = kept == null ? null : kept.id;
                    p.leadUnitId = lead;
                    p.coUnitIds.clear();
                    p.coUnitIds.addAll(coUnits);
                    p.dueOn = due;
                    history(em, p, "decide-" + outcome.name().toLowerCase(), before, caller,
                            kept == null ? reason : "并入提案 " + kept.id, now);
                    tell(raters(em, p), "提案审查结果 · Proposal decided", "提案「" + p.title + "」："
                            + p.status.label() + (reason == null ? "" : "。" + reason), p);
                    if (lead != null) {
                        tellDepartments(p, "提案交办 · A proposal to answer", "提案「" + p.title + "」已立案，请于 "
                                + due + " 前答复（主办单位负责答复，协办单位配合）");
                    }
                    return p.title + ": " + p.status + (kept == null ? "" : " into " + kept.id)
                            + (lead == null ? "" : ", lead unit " + lead + " due " + due);
                });
    }

    // ---- the lead department and the raters ----

    /** 答复: an administrator of the lead department (or of a unit above it), while accepted. */
    public ProposalDetailDTO answer(UnionPrincipal caller, long id, AnswerDTO input) {
        String text = Fields.text("text", Fields.body(input).text(), MAX_TEXT, true);
        return change(caller, id, "congress.proposal.answer", (em, p, now) -> {
            requireStatus(p, "答复", ProposalStatus.ACCEPTED);
            if (!access.canManageUnit(caller, p.leadUnitId)) {
                throw ApiException.forbidden("congress.not-lead-department", "仅主办单位的工会管理员可以答复",
                        "Only administrators of the lead department answer");
            }
            ProposalStatus before = p.status;
            p.answerText = text;
            p.answeredBy = caller.username();
            p.answeredAt = now;
            p.answerRound++;
            p.status = ProposalStatus.ANSWERED;
            history(em, p, p.answerRound == 1 ? "answer" : "reanswer", before, caller, null, now);
            tell(raters(em, p), "提案已答复 · Proposal answered", "提案「" + p.title + "」已答复，请评价", p);
            return p.title + " round " + p.answerRound;
        });
    }

    /**
     * 评价: the proposer and each seconder rate the current answer once. 不满意 on the first answer sends it
     * back for one more; once every rater has rated an answer that stays, the proposal is closed.
     */
    public ProposalDetailDTO rate(UnionPrincipal caller, long id, RatingEditDTO input) {
        Fields.body(input);
        if (input.rating() == null) {
            throw ApiException.missingField("rating");
        }
        String comment = Fields.text("comment", input.comment(), 1000, false);
        return change(caller, id, "congress.proposal.rate", (em, p, now) -> {
            requireStatus(p, "评价", ProposalStatus.ANSWERED);
            Set<Long> raters = raters(em, p);
            if (caller.memberId() == null || !raters.contains(caller.memberId())) {
                throw ApiException.forbidden("congress.not-rater", "仅提案人和附议人可以评价答复",
                        "Only the proposer and the seconders rate the answer");
            }
            List<CongressRatingEntity> round = ratings(em, p.id).stream().filter(r -> r.round == p.answerRound).toList();
            if (round.stream().anyMatch(r -> r.memberId == caller.memberId())) {
                throw ApiException.conflict("congress.rating.already", "您已评价本次答复", "You already rated this answer");
            }
            CongressRatingEntity r = new CongressRatingEntity();
            r.proposalId = p.id;
            r.memberId = caller.memberId();
            r.round = p.answerRound;
            r.rating = input.rating();
            r.comment = comment;
            r.ratedAt = now;
            em.persist(r);
            ProposalStatus before = p.status;
            if (input.rating() == Rating.UNSATISFIED && p.answerRound == 1) {
                p.status = ProposalStatus.ACCEPTED;
                p.dueOn = today().plusDays(REANSWER_DAYS);
                history(em, p, "reanswer-requested", before, caller, comment, now);
            } else if (round.size() + 1 >= raters.size()) {
                p.status = ProposalStatus.CLOSED;
                history(em, p, "close", before, caller, null, now);
            }
            return p.title + ": " + input.rating();
        });
    }

    /** 督办: a union administrator presses an overdue answer; it is recorded in the history. */
    public ProposalDetailDTO supervise(UnionPrincipal caller, long id) {
        requireUnionAdmin(caller);
        return change(caller, id, "congress.proposal.supervise", (em, p, now) -> {
            requireStatus(p, "督办", ProposalStatus.ACCEPTED);
            if (!overdue(p)) {
                throw ApiException.conflict("congress.proposal.not-overdue", "该提案尚未超过答复期限",
                        "The answer is not overdue");
            }
            history(em, p, "supervise", p.status, caller, "答复期限 " + p.dueOn, now);
            tell(raters(em, p), "提案督办 · Answer pressed", "提案「" + p.title + "」答复超期，校工会已督办", p);
            tellDepartments(p, "提案督办 · Answer overdue", "提案「" + p.title + "」的答复期限 " + p.dueOn + " 已过，请尽快答复");
            return p.title + " due " + p.dueOn;
        });
    }

    // ---- reading ----

    public ProposalDetailDTO get(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> detail(em, caller, visible(em, caller, id)));
    }

    /** 提案公开列表: every proposal the committee has decided, with its outcome (members and staff). */
    public PageDTO<ProposalDTO> publicList(Long sessionId, ProposalStatus status, int offset, int limit) {
        if (status != null && !status.isPublic()) {
            throw ApiException.invalidField("status", "公开列表只含审查后的提案", "only decided statuses are public");
        }
        Collection<ProposalStatus> statuses = status == null ? ProposalStatus.PUBLIC : List.of(status);
        return page("p.status in :statuses" + (sessionId == null ? "" : " and p.sessionId = :session"),
                q -> {
                    q.setParameter("statuses", statuses);
                    if (sessionId != null) {
                        q.setParameter("session", sessionId);
                    }
                }, offset, limit);
    }

    /** 我的提案: those I propose or was invited to second. */
    public PageDTO<ProposalDTO> mine(UnionPrincipal caller, int offset, int limit) {
        if (caller.memberId() == null) {
            return new PageDTO<>(List.of(), 0, offset, limit);
        }
        return page("(p.proposerMemberId = :me or exists (select s from CongressSeconderEntity s where s.proposalId = p.id"
                + " and s.memberId = :me))", q -> q.setParameter("me", caller.memberId()), offset, limit);
    }

    /** 审查队列: what waits on the caller's check or decision (heads, committee); union administrators see all open. */
    public PageDTO<ProposalDTO> queue(UnionPrincipal caller, int offset, int limit) {
        if (caller.hasRole(Roles.UNION_ADMIN)) {
            return page("p.status in :open", q -> q.setParameter("open",
                    EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.IN_COMMITTEE)), offset, limit);
        }
        List<ProposalDTO> waiting = jpa.txExpr(TransactionType.Required, em -> {
            List<CongressProposalEntity> open = em.createQuery("select p from CongressProposalEntity p"
                    + " where p.status in :open order by p.id", CongressProposalEntity.class)
                    .setParameter("open", EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.IN_COMMITTEE))
                    .setMaxResults(MAX_TASKS).getResultList();
            Instant now = clock.instant();
            return rows(em, open.stream().filter(p -> flows.waitsOn(CongressFlow.PROPOSAL, flowCase(p), caller, now))
                    .toList());
        });
        int to = Math.min(waiting.size(), offset + limit);
        return new PageDTO<>(offset >= waiting.size() ? List.of() : waiting.subList(offset, to), waiting.size(), offset,
                limit);
    }

    /** 承办提案: accepted proposals led or co-handled by units the caller manages. */
    public PageDTO<ProposalDTO> department(UnionPrincipal caller, int offset, int limit) {
        UnitScope scope = access.manageableUnits(caller);
        Set<ProposalStatus> handled = EnumSet.of(ProposalStatus.ACCEPTED, ProposalStatus.ANSWERED, ProposalStatus.CLOSED);
        if (scope.isAll()) {
            return page("p.status in :handled", q -> q.setParameter("handled", handled), offset, limit);
        }
        if (scope.unitIds().isEmpty()) {
            return new PageDTO<>(List.of(), 0, offset, limit);
        }
        return page("p.status in :handled and (p.leadUnitId in :units or exists (select c from CongressProposalEntity c"
                + " join c.coUnitIds u where c.id = p.id and u in :units))", q -> {
                    q.setParameter("handled", handled);
                    q.setParameter("units", scope.unitIds());
                }, offset, limit);
    }

    /** 督办清单: accepted proposals past their deadline; for union administrators and committee members. */
    public List<ProposalDTO> overdueList(UnionPrincipal caller, Long sessionId) {
        if (!caller.hasRole(Roles.UNION_ADMIN) && !holdsCommittee(caller)) {
            throw ApiException.forbidden("congress.not-supervisor", "仅校工会管理员和提案工作委员会委员可以查看督办清单",
                    "Only union administrators and the proposals committee see the overdue list");
        }
        LocalDate today = today();
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<CongressProposalEntity> q = em.createQuery("select p from CongressProposalEntity p"
                    + " where p.status = :accepted and p.dueOn < :today" + (sessionId == null ? "" : " and p.sessionId = :s")
                    + " order by p.dueOn, p.id", CongressProposalEntity.class)
                    .setParameter("accepted", ProposalStatus.ACCEPTED).setParameter("today", today);
            if (sessionId != null) {
                q.setParameter("s", sessionId);
            }
            return rows(em, q.setMaxResults(MAX_TASKS).getResultList());
        });
    }

    // ---- statistics ----

    /** A session's figures: counts by outcome, answer rate, satisfaction rate, per lead department. */
    public StatisticsDTO statistics(long sessionId) {
        LocalDate today = today();
        return jpa.txExpr(TransactionType.Required, em -> {
            CongressSessionEntity session = sessionEntity(em, sessionId);
            List<CongressProposalEntity> all = em.createQuery("select p from CongressProposalEntity p"
                    + " where p.sessionId = :s and p.status <> :draft", CongressProposalEntity.class)
                    .setParameter("s", sessionId).setParameter("draft", ProposalStatus.DRAFT).getResultList();
            Map<ProposalStatus, Long> byStatus = new EnumMap<>(ProposalStatus.class);
            all.forEach(p -> byStatus.merge(p.status, 1L, Long::sum));
            Map<Long, List<Rating>> latest = latestRatings(em, sessionId);
            Map<Long, String> names = unitNames();
            Map<Long, long[]> perUnit = new TreeMap<>();
            long accepted = 0;
            long answered = 0;
            for (CongressProposalEntity p : all) {
                if (p.leadUnitId == null) {
                    continue;
                }
                accepted++;
                long[] row = perUnit.computeIfAbsent(p.leadUnitId, u -> new long[5]);
                row[0]++;
                if (p.answerRound > 0) {
                    answered++;
                    row[1]++;
                }
                if (p.status == ProposalStatus.ACCEPTED && p.dueOn != null && p.dueOn.isBefore(today)) {
                    row[2]++;
                }
                for (Rating r : latest.getOrDefault(p.id, List.of())) {
                    row[3]++;
                    if (r != Rating.UNSATISFIED) {
                        row[4]++;
                    }
                }
            }
            List<DepartmentRowDTO> departments = new ArrayList<>();
            long ratings = 0;
            long satisfied = 0;
            for (Map.Entry<Long, long[]> e : perUnit.entrySet()) {
                long[] r = e.getValue();
                ratings += r[3];
                satisfied += r[4];
                departments.add(new DepartmentRowDTO(e.getKey(), names.getOrDefault(e.getKey(), "#" + e.getKey()), r[0],
                        r[1], r[2], rate(r[1], r[0]), r[3], rate(r[4], r[3])));
            }
            List<StatusCountDTO> counts = new ArrayList<>();
            for (ProposalStatus s : ProposalStatus.values()) {
                if (s != ProposalStatus.DRAFT) {
                    counts.add(new StatusCountDTO(s, s.label(), byStatus.getOrDefault(s, 0L)));
                }
            }
            return new StatisticsDTO(sessionId, session.title, all.size(), counts, accepted, answered,
                    rate(answered, accepted), ratings, rate(satisfied, ratings), departments);
        });
    }

    static List<List<String>> statisticsRows(StatisticsDTO s) {
        List<List<String>> rows = new ArrayList<>();
        for (DepartmentRowDTO d : s.departments()) {
            rows.add(List.of(d.unitName(), String.valueOf(d.assigned()), String.valueOf(d.answered()),
                    String.valueOf(d.overdue()), text(d.answerRate()), String.valueOf(d.ratings()),
                    text(d.satisfactionRate())));
        }
        rows.add(List.of("合计", String.valueOf(s.accepted()), String.valueOf(s.answered()),
                String.valueOf(s.departments().stream().mapToLong(DepartmentRowDTO::overdue).sum()),
                text(s.answerRate()), String.valueOf(s.ratings()), text(s.satisfactionRate())));
        for (StatusCountDTO c : s.byStatus()) {
            rows.add(List.of(c.label(), String.valueOf(c.count()), "", "", "", "", ""));
        }
        return rows;
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    /** Each rater's latest rating, per proposal of the session. */
    private Map<Long, List<Rating>> latestRatings(EntityManager em, long sessionId) {
        List<CongressRatingEntity> all = em.createQuery("select r from CongressRatingEntity r where r.proposalId in"
                + " (select p.id from CongressProposalEntity p where p.sessionId = :s) order by r.round",
                CongressRatingEntity.class).setParameter("s", sessionId).getResultList();
        Map<Long, Map<Long, Rating>> byProposal = new HashMap<>();
        all.forEach(r -> byProposal.computeIfAbsent(r.proposalId, k -> new HashMap<>()).put(r.memberId, r.rating));
        Map<Long, List<Rating>> latest = new HashMap<>();
        byProposal.forEach((k, v) -> latest.put(k, List.copyOf(v.values())));
        return latest;
    }

    // ---- the task list ----

    /** What waits on {@code user}: invitations, checks, decisions, answers, ratings. */
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        Instant now = clock.instant();
        LocalDate today = today();
        UnitScope scope = access.manageableUnits(user);
        boolean head = user.memberId() != null && duties.heldBy(user.memberId(), today).stream()
                .anyMatch(d -> d.code().equals(CongressFlow.HEAD_DUTY) || d.code().equals(CongressFlow.COMMITTEE_DUTY));
        return jpa.txExpr(TransactionType.Required, em -> {
            List<TaskDTO> tasks = new ArrayList<>();
            if (user.memberId() != null) {
                long me = user.memberId();
                for (CongressProposalEntity p : em.createQuery("select p from CongressProposalEntity p, CongressSeconderEntity s"
                        + " where s.proposalId = p.id and s.memberId = :me and s.secondedAt is null and p.status in :open",
                        CongressProposalEntity.class).setParameter("me", me)
                        .setParameter("open", EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.RETURNED))
                        .setMaxResults(MAX_TASKS).getResultList()) {
                    tasks.add(task(p, "附议邀请", p.updatedAt, null));
                }
                for (CongressProposalEntity p : em.createQuery("select p from CongressProposalEntity p"
                        + " where p.proposerMemberId = :me and p.status = :returned", CongressProposalEntity.class)
                        .setParameter("me", me).setParameter("returned", ProposalStatus.RETURNED).getResultList()) {
                    tasks.add(task(p, ProposalStatus.RETURNED.label(), p.stageSince, null));
                }
                for (CongressProposalEntity p : em.createQuery("select p from CongressProposalEntity p"
                        + " where p.status = :answered and (p.proposerMemberId = :me or exists (select s from"
                        + " CongressSeconderEntity s where s.proposalId = p.id and s.memberId = :me and s.secondedAt is not null))"
                        + " and not exists (select r from CongressRatingEntity r where r.proposalId = p.id and r.memberId = :me"
                        + " and r.round = p.answerRound)", CongressProposalEntity.class).setParameter("me", me)
                        .setParameter("answered", ProposalStatus.ANSWERED).setMaxResults(MAX_TASKS).getResultList()) {
                    tasks.add(task(p, "评价答复", p.answeredAt, null));
                }
            }
            if (head) {
                for (CongressProposalEntity p : em.createQuery("select p from CongressProposalEntity p where p.status in :open"
                        + " order by p.id", CongressProposalEntity.class)
                        .setParameter("open", EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.IN_COMMITTEE))
                        .setMaxResults(MAX_TASKS).getResultList()) {
                    FlowCase c = flowCase(p);
                    if (flows.waitsOn(CongressFlow.PROPOSAL, c, user, now)) {
                        tasks.add(task(p, CongressFlow.PROPOSAL.stage(p.stage).label(), c.since(),
                                flows.due(CongressFlow.PROPOSAL, c)));
                    }
                }
            }
            // Union administrators manage every unit; the answer waits on the department's own administrators.
            if (!scope.isAll() && !scope.unitIds().isEmpty()) {
                for (CongressProposalEntity p : em.createQuery("select p from CongressProposalEntity p"
                        + " where p.status = :accepted and p.leadUnitId in :units order by p.dueOn", CongressProposalEntity.class)
                        .setParameter("accepted", ProposalStatus.ACCEPTED).setParameter("units", scope.unitIds())
                        .setMaxResults(MAX_TASKS).getResultList()) {
                    tasks.add(task(p, p.answerRound == 0 ? "提案答复" : "提案再次答复", p.stageSince,
                            p.dueOn.plusDays(1).atStartOfDay(ZONE).toInstant()));
                }
            }
            return tasks;
        });
    }

    private static TaskDTO task(CongressProposalEntity p, String stage, Instant since, Instant due) {
        return new TaskDTO(p.title, "/api/congress/proposals/" + p.id, stage, since, due);
    }

    // ---- who may see and attach files ----

    /** Whether the caller may see the proposal (and download its files). */
    public boolean maySee(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            CongressProposalEntity p = em.find(CongressProposalEntity.class, id);
            return p != null && canSee(em, caller, p);
        });
    }

    /** Proposal files: the proposer while drafting; answer files: the lead department while answering. */
    public boolean mayChange(UnionPrincipal caller, String recordType, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            CongressProposalEntity p = em.find(CongressProposalEntity.class, id);
            if (p == null) {
                return false;
            }
            if (PROPOSAL_TYPE.equals(recordType)) {
                return isProposer(p, caller) && EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.RETURNED).contains(p.status);
            }
            return ANSWER_TYPE.equals(recordType) && p.status == ProposalStatus.ACCEPTED
                    && access.canManageUnit(caller, p.leadUnitId);
        });
    }

    // ---- the pieces ----

    @FunctionalInterface
    interface Change {
        /** @return the audit detail */
        String apply(EntityManager em, CongressProposalEntity p, Instant now);
    }

    /** Loads the proposal the caller may see (else 404), locks it, applies the change, audits it. */
    private ProposalDetailDTO change(UnionPrincipal caller, long id, String action, Change change) {
        Instant now = clock.instant();
        // a lock conflict rolled the whole transaction back (notices included): running it again is safe
        return AuditedChange.run(audit, action, PROPOSAL_TYPE, id, () -> jpa.txExpr(TransactionType.Required, em -> {
            CongressProposalEntity p = visible(em, caller, id);
            em.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            String detail = change.apply(em, p, now);
            p.updatedAt = now;
            em.flush();
            return new AuditedChange.Done<>(detail(em, caller, p), detail);
        }), () -> ApiException.conflict("congress.proposal.changed", "提案刚被他人处理，请刷新后重试",
                "The proposal was changed by someone else; reload and try again"));
    }

    private CongressProposalEntity visible(EntityManager em, UnionPrincipal caller, long id) {
        CongressProposalEntity p = em.find(CongressProposalEntity.class, id);
        if (p == null || !canSee(em, caller, p)) {
            throw ApiException.notFound("congress.proposal.not-found", "提案不存在", "No such proposal");
        }
        return p;
    }

    /**
     * Members see decided proposals; a draft or one in review only its proposer, those invited to second it,
     * the head of its delegation (once submitted), the committee (once checked) and union administrators;
     * the departments their accepted ones.
     */
    boolean canSee(EntityManager em, UnionPrincipal caller, CongressProposalEntity p) {
        if (p.status.isPublic() || caller.hasRole(Roles.UNION_ADMIN) || isProposer(p, caller)) {
            return true;
        }
        Long me = caller.memberId();
        if (me == null) {
            return false;
        }
        if (seconders(em, p.id).stream().anyMatch(s -> s.memberId == me)) {
            return true;
        }
        LocalDate today = today();
        return switch (p.status) {
            case SUBMITTED, RETURNED -> duties.holds(me, CongressFlow.HEAD_DUTY, p.unitId, today);
            case IN_COMMITTEE -> duties.holds(me, CongressFlow.HEAD_DUTY, p.unitId, today)
                    || duties.holds(me, CongressFlow.COMMITTEE_DUTY, p.unitId, today);
            default -> false;
        };
    }

    private boolean isProposer(CongressProposalEntity p, UnionPrincipal caller) {
        return caller.memberId() != null && caller.memberId() == p.proposerMemberId;
    }

    private boolean handles(UnionPrincipal caller, CongressProposalEntity p) {
        if (caller.hasRole(Roles.UNION_ADMIN) || isProposer(p, caller)) {
            return true;
        }
        if (caller.memberId() != null && (duties.holds(caller.memberId(), CongressFlow.HEAD_DUTY, p.unitId, today())
                || duties.holds(caller.memberId(), CongressFlow.COMMITTEE_DUTY, p.unitId, today()))) {
            return true;
        }
        return p.leadUnitId != null && access.canManageUnit(caller, p.leadUnitId);
    }

    private boolean holdsCommittee(UnionPrincipal caller) {
        return caller.memberId() != null && duties.heldBy(caller.memberId(), today()).stream()
                .anyMatch(d -> d.code().equals(CongressFlow.COMMITTEE_DUTY));
    }

    private void requireProposer(CongressProposalEntity p, UnionPrincipal caller) {
        if (!isProposer(p, caller)) {
            throw ApiException.forbidden("congress.not-proposer", "仅提案人可以操作", "Only the proposer may do this");
        }
    }

    private static void requireStatus(CongressProposalEntity p, String what, ProposalStatus... allowed) {
        for (ProposalStatus s : allowed) {
            if (p.status == s) {
                return;
            }
        }
        throw ApiException.conflict("congress.proposal.invalid-transition",
                "提案当前为「" + p.status.label() + "」，不能" + what, "The proposal is " + p.status + ": not allowed");
    }

    private CongressDelegateEntity requireDelegate(EntityManager em, long sessionId, UnionPrincipal caller) {
        CongressDelegateEntity d = caller.memberId() == null ? null
                : delegateMap(em, sessionId, List.of(caller.memberId())).get(caller.memberId());
        if (d == null) {
            throw ApiException.forbidden("congress.not-delegate", "您不是本次会议的代表", "You are not a delegate of this session");
        }
        return d;
    }

    private static void requireUnionAdmin(UnionPrincipal caller) {
        if (!caller.hasRole(Roles.UNION_ADMIN)) {
            throw ApiException.forbidden("congress.union-admin-only", "仅校工会管理员可以操作",
                    "Only union administrators may do this");
        }
    }

    private void requireDepartment(String field, long unitId) {
        UnitDTO unit = directory.findUnit(unitId).orElse(null);
        if (unit == null || unit.retired() || unit.kind() == UnitKind.GROUP) {
            throw ApiException.invalidField(field, "单位 " + unitId + " 不存在或已撤销", "unit " + unitId + " is unknown or retired");
        }
    }

    private CongressSessionEntity sessionEntity(EntityManager em, long id) {
        CongressSessionEntity s = em.find(CongressSessionEntity.class, id);
        if (s == null) {
            throw ApiException.notFound("congress.session.not-found", "会议不存在", "No such session");
        }
        return s;
    }

    private Map<Long, CongressDelegateEntity> delegateMap(EntityManager em, long sessionId, Collection<Long> memberIds) {
        return em.createQuery("select d from CongressDelegateEntity d where d.sessionId = :s and d.memberId in :m",
                CongressDelegateEntity.class).setParameter("s", sessionId).setParameter("m", memberIds).getResultList()
                .stream().collect(Collectors.toMap(d -> d.memberId, Function.identity()));
    }

    private static Map<Long, Long> delegateCounts(EntityManager em, List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select d.sessionId, count(d) from CongressDelegateEntity d"
                + " where d.sessionId in :s group by d.sessionId", Object[].class).setParameter("s", sessionIds)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    private List<DelegateDTO> delegates(EntityManager em, long sessionId) {
        Map<Long, String> names = unitNames();
        return em.createQuery("select d from CongressDelegateEntity d where d.sessionId = :s order by d.unitId, d.memberId",
                CongressDelegateEntity.class).setParameter("s", sessionId).getResultList().stream()
                .map(d -> new DelegateDTO(d.memberId, d.name, d.unitId, names.getOrDefault(d.unitId, "#" + d.unitId)))
                .toList();
    }

    private static List<CongressSeconderEntity> seconders(EntityManager em, long proposalId) {
        return em.createQuery("select s from CongressSeconderEntity s where s.proposalId = :p order by s.id",
                CongressSeconderEntity.class).setParameter("p", proposalId).getResultList();
    }

    private static List<CongressRatingEntity> ratings(EntityManager em, long proposalId) {
        return em.createQuery("select r from CongressRatingEntity r where r.proposalId = :p order by r.id",
                CongressRatingEntity.class).setParameter("p", proposalId).getResultList();
    }

    /** The proposer and the delegates who seconded it. */
    private static Set<Long> raters(EntityManager em, CongressProposalEntity p) {
        Set<Long> raters = new LinkedHashSet<>();
        raters.add(p.proposerMemberId);
        seconders(em, p.id).stream().filter(s -> s.secondedAt != null).forEach(s -> raters.add(s.memberId));
        return raters;
    }

    private void tell(Collection<Long> memberIds, String title, String body, CongressProposalEntity p) {
        if (!memberIds.isEmpty()) {
            notifications.toMembers(memberIds, Notice.of(title, body.length() > 2000 ? body.substring(0, 2000) : body,
                    link(p)));
        }
    }

    /** The administrators of the lead department and of the co-handling ones; sent after the commit. */
    private void tellDepartments(CongressProposalEntity p, String title, String body) {
        Set<Long> units = new LinkedHashSet<>();
        if (p.leadUnitId != null) {
            units.add(p.leadUnitId);
        }
        units.addAll(p.coUnitIds);
        for (long unit : units) {
            notifications.toUnitAdmins(unit, Notice.of(title, body, link(p)));
        }
    }

    private static String link(CongressProposalEntity p) {
        return "/congress/proposals/" + p.id;
    }

    private static FlowCase flowCase(CongressProposalEntity p) {
        return new FlowCase(p.unitId, p.proposerUsername, p.proposerMemberId, p.status.caseState(), p.stage, p.stageSince,
                null, p.firstReviewer);
    }

    private static void follow(CongressProposalEntity p, FlowOutcome outcome) {
        p.stage = outcome.after().stage();
        p.stageSince = outcome.after().since();
        p.firstReviewer = outcome.after().firstReviewer();
    }

    private static void history(EntityManager em, CongressProposalEntity p, String action, ProposalStatus from,
            UnionPrincipal caller, String comment, Instant now) {
        CongressTransitionEntity t = new CongressTransitionEntity();
        t.proposalId = p.id;
        t.action = action;
        t.from = from;
        t.to = p.status;
        t.actor = caller.username();
        t.comment = comment;
        t.at = now;
        em.persist(t);
    }

    boolean overdue(CongressProposalEntity p) {
        return p.status == ProposalStatus.ACCEPTED && p.dueOn != null && p.dueOn.isBefore(today());
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        directory.units().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    private static SessionDTO session(CongressSessionEntity s, long delegates) {
        return new SessionDTO(s.id, s.title, s.year, s.startsOn, s.endsOn, delegates);
    }

    private interface QueryParams {
        void set(TypedQuery<?> query);
    }

    private PageDTO<ProposalDTO> page(String where, QueryParams params, int offset, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<CongressProposalEntity> q = em.createQuery("select p from CongressProposalEntity p where " + where
                    + " order by p.id desc", CongressProposalEntity.class);
            params.set(q);
            TypedQuery<Long> count = em.createQuery("select count(p) from CongressProposalEntity p where " + where,
                    Long.class);
            params.set(count);
            return new PageDTO<>(rows(em, q.setFirstResult(offset).setMaxResults(limit).getResultList()),
                    count.getSingleResult(), offset, limit);
        });
    }

    private List<ProposalDTO> rows(EntityManager em, List<CongressProposalEntity> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> seconded = new HashMap<>();
        for (Object[] row : em.createQuery("select s.proposalId, count(s) from CongressSeconderEntity s"
                + " where s.proposalId in :ids and s.secondedAt is not null group by s.proposalId", Object[].class)
                .setParameter("ids", page.stream().map(p -> p.id).toList()).getResultList()) {
            seconded.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, String> names = unitNames();
        return page.stream().map(p -> row(p, seconded.getOrDefault(p.id, 0L).intValue(), names)).toList();
    }

    private ProposalDTO row(CongressProposalEntity p, int seconded, Map<Long, String> names) {
        return new ProposalDTO(p.id, p.sessionId, p.title, p.proposerName, p.unitId,
                names.getOrDefault(p.unitId, "#" + p.unitId), p.status, p.status.label(), seconded, p.leadUnitId,
                p.leadUnitId == null ? null : names.getOrDefault(p.leadUnitId, "#" + p.leadUnitId), p.dueOn, overdue(p),
                p.submittedAt);
    }

    private ProposalDetailDTO detail(EntityManager em, UnionPrincipal caller, CongressProposalEntity p) {
        List<CongressSeconderEntity> seconders = seconders(em, p.id);
        int seconded = (int) seconders.stream().filter(s -> s.secondedAt != null).count();
        Map<Long, String> raterNames = new HashMap<>();
        raterNames.put(p.proposerMemberId, p.proposerName);
        seconders.forEach(s -> raterNames.put(s.memberId, s.name));
        List<RatingDTO> ratings = ratings(em, p.id).stream().map(r -> new RatingDTO(
                raterNames.getOrDefault(r.memberId, "#" + r.memberId), r.round, r.rating, r.rating.label(), r.comment,
                r.ratedAt)).toList();
        List<Long> merged = em.createQuery("select p.id from CongressProposalEntity p where p.mergedIntoId = :id order by p.id",
                Long.class).setParameter("id", p.id).getResultList();
        List<TransitionDTO> history = handles(caller, p) ? em.createQuery(
                "select t from CongressTransitionEntity t where t.proposalId = :p order by t.id", CongressTransitionEntity.class)
                .setParameter("p", p.id).getResultList().stream()
                .map(t -> new TransitionDTO(t.action, t.from, t.to, t.actor, t.comment, t.at)).toList() : null;
        return new ProposalDetailDTO(row(p, seconded, unitNames()), p.reason, p.measures, secondsRequired,
                seconders.stream().map(s -> new SeconderDTO(s.memberId, s.name, s.secondedAt != null, s.secondedAt))
                        .toList(), p.decisionReason, p.mergedIntoId, merged, List.copyOf(p.coUnitIds), p.answerText,
                p.answeredAt, p.answerRound, ratings, history, attachments.list(PROPOSAL_TYPE, String.valueOf(p.id)),
                attachments.list(ANSWER_TYPE, String.valueOf(p.id)));
    }

    /** For the indicator: proposals answered at least once per lead unit, of the sessions of a year. */
    Map<Long, BigDecimal> handledPerUnit(int year) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, BigDecimal> figures = new HashMap<>();
            for (Object[] row : em.createQuery("select p.leadUnitId, count(p) from CongressProposalEntity p, CongressSessionEntity s"
                    + " where s.id = p.sessionId and s.year = :y and p.answerRound > 0 group by p.leadUnitId", Object[].class)
                    .setParameter("y", year).getResultList()) {
                figures.put((Long) row[0], BigDecimal.valueOf((Long) row[1]));
            }
            return figures;
        });
    }
}
