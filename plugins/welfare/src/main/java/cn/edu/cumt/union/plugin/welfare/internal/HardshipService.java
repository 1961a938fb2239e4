package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
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
import cn.edu.cumt.union.api.flow.CaseState;
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
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.api.table.Masks;
import cn.edu.cumt.union.api.task.TaskDTO;

/**
 * 困难帮扶 (love fund and temporary subsidies): application by the member or their unit's administrator,
 * the unit's review, the union's review that sets the amount within the fund's caps, the payment, the
 * funds' balances and the year's figures per unit. <b>Private by construction</b>: an application is
 * read only by its member, the administrators of its unit and union administrators; anyone else gets
 * 404 as for an unknown id, lists hold only what the caller may see, figures hide counts below 5,
 * exports mask ID and phone numbers, notices carry no content and tasks no name.
 */
@Component(service = HardshipService.class, configurationPid = HardshipService.PID)
@Designate(ocd = HardshipService.Config.class)
public class HardshipService {

    static final String PID = "cn.edu.cumt.union.welfare";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String TARGET_TYPE = "HardshipCase";
    static final String ATTACHMENT_TYPE = "case";
    static final int MAX_TASKS = 500;
    static final List<String> EXPORT_HEADER = List.of("编号", "类别", "年度", "单位", "工号", "姓名", "身份证号", "手机",
            "申请金额（元）", "核定金额（元）", "状态", "发放日期");
    static final List<String> REPORT_HEADER = List.of("单位", "类别", "帮扶人次", "核定金额（元）", "已发放（元）");
    private static final Logger LOG = LoggerFactory.getLogger(HardshipService.class);

    @ObjectClassDefinition(name = "Union welfare (维护职工权益)", description = "Caps of hardship help per fund, in yuan")
    public @interface Config {
        @AttributeDefinition(name = "Love fund: cap per case (yuan)")
        String love_fund_case_cap() default "5000";

        @AttributeDefinition(name = "Love fund: cap per member and year (yuan)")
        String love_fund_member_year_cap() default "10000";

        @AttributeDefinition(name = "Temporary subsidy: cap per case (yuan)")
        String temp_subsidy_case_cap() default "2000";

        @AttributeDefinition(name = "Temporary subsidy: cap per member and year (yuan)")
        String temp_subsidy_member_year_cap() default "4000";
    }

    /** The caps of one fund. */
    record Caps(BigDecimal perCase, BigDecimal perMemberYear) {
    }

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Flows flows;
    private final Notifications notifications;
    private final Attachments attachments;
    private final Clock clock;
    /** The caps in force: immutable, swapped whole on a configuration change. */
    private volatile Map<Fund, Caps> caps;
    /** Grants and payments of one platform check the caps and the balance one at a time. */
    private final Object money = new Object();

    /** {@code schema} is not used: referencing it makes DS wait until the WELFARE_ tables exist. */
    @Activate
    public HardshipService(@Reference(target = "(osgi.unit.name=union-welfare)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=welfare)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit,
            @Reference Flows flows, @Reference Notifications notifications, @Reference Attachments attachments,
            Config config) {
        this(jpa, directory, access, audit, flows, notifications, attachments, initialCaps(config), Clock.systemUTC());
    }

    /** For tests: fixed caps and clock. */
    HardshipService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Flows flows,
            Notifications notifications, Attachments attachments, Map<Fund, Caps> caps, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.flows = flows;
        this.notifications = notifications;
        this.attachments = attachments;
        this.caps = Map.copyOf(caps);
        this.clock = clock;
    }

    private static Map<Fund, Caps> initialCaps(Config config) {
        try {
            return caps(config);
        } catch (RuntimeException invalid) {
            LOG.error("Configuration {} is not valid ({}); the default caps are used", PID, invalid.getMessage());
            return defaultCaps();
        }
    }

    static Map<Fund, Caps> defaultCaps() {
        return Map.of(Fund.LOVE_FUND, new Caps(new BigDecimal("5000.00"), new BigDecimal("10000.00")),
                Fund.TEMP_SUBSIDY, new Caps(new BigDecimal("2000.00"), new BigDecimal("4000.00")));
    }

    static Map<Fund, Caps> caps(Config config) {
        return Map.of(Fund.LOVE_FUND, caps("love.fund", config.love_fund_case_cap(), config.love_fund_member_year_cap()),
                Fund.TEMP_SUBSIDY, caps("temp.subsidy", config.temp_subsidy_case_cap(), config.temp_subsidy_member_year_cap()));
    }

    private static Caps caps(String prefix, String perCase, String perMemberYear) {
        BigDecimal one = amount(prefix + ".case.cap", perCase);
        BigDecimal year = amount(prefix + ".member.year.cap", perMemberYear);
        if (year.compareTo(one) < 0) {
            throw new IllegalArgumentException(prefix + ".member.year.cap must not be below " + prefix + ".case.cap");
        }
        return new Caps(one, year);
    }

    private static BigDecimal amount(String key, String value) {
        try {
            return WelfareInputs.money(key, new BigDecimal(value.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be 0.01 to 1000000 yuan (is " + value + ")");
        }
    }

    /** A change of etc/cn.edu.cumt.union.welfare.cfg: applied in place, or refused (old caps kept) when not valid. */
    @Modified
    void modified(Config config) {
        try {
            caps = caps(config);
            LOG.info("Configuration {} applied in place: caps {}", PID, caps);
        } catch (RuntimeException invalid) {
            LOG.warn("Configuration {} NOT applied: {}. The caps stay {}", PID, invalid.getMessage(), caps);
        }
    }

    Caps capsOf(Fund fund) {
        return caps.get(fund);
    }

    // ---- application ----

    /** 申请: a member for themselves, or a unit administrator for an active member of a unit they manage. */
    public HardshipDetailDTO apply(UnionPrincipal caller, HardshipApplyDTO input) {
        Fields.body(input);
        if (input.fund() == null) {
            throw ApiException.missingField("fund");
        }
        String reason = Fields.text("reason", input.reason(), WelfareInputs.MAX_TEXT, true);
        BigDecimal asked = WelfareInputs.money("amountAsked", input.amountAsked());
        String idNumber = WelfareInputs.idNumber(input.idNumber());
        String phone = WelfareInputs.phone(input.phone());
        Long memberId = input.memberId() != null ? input.memberId() : caller.memberId();
        if (memberId == null) {
            throw ApiException.missingField("memberId");
        }
        MemberDTO member = directory.findMember(memberId).orElse(null);
        boolean self = memberId.equals(caller.memberId());
        if (member == null || !self && !access.canManageUnit(caller, member.unitId())) {
            throw ApiException.notFound("welfare.member.not-found", "会员 " + memberId + " 不存在",
                    "Member " + memberId + " not found");
        }
        if (member.status() != MemberStatus.ACTIVE) {
            throw ApiException.conflict("welfare.member.inactive", "该会员不是在职会员，不能申请帮扶",
                    "The member is not active and cannot apply");
        }
        Instant now = clock.instant();
        HardshipDetailDTO created = jpa.txExpr(TransactionType.Required, em -> {
            HardshipCaseEntity entity = new HardshipCaseEntity(input.fund(), member.unitId(), member.id(), year(now),
                    member.staffNo(), caller.username(), now);
            entity.reason = reason;
            entity.amountAsked = asked;
            entity.idNumber = idNumber;
            entity.phone = phone != null ? phone : member.phone();
            FlowOutcome opened = flows.submit(HardshipFlow.REVIEW, caller, member.unitId(), now);
            FlowCase after = opened.after();
            // the member is the applicant, whoever filed it: they may follow and withdraw it, and never review it
            entity.follow(new FlowCase(after.unitId(), member.staffNo(), member.id(), after.state(), after.stage(),
                    after.since(), after.assignee(), after.firstReviewer()), now);
            em.persist(entity);
            em.flush();
            em.persist(new HardshipStepEntity(entity.id, opened.step()));
            if (!self) {
                notifications.toMembers(List.of(member.id()), notice(entity.id));
            }
            em.flush();
            return detail(em, entity);
        });
        audit.record("welfare.case.apply", TARGET_TYPE, String.valueOf(created.application().id()),
                input.fund() + " asked " + asked.toPlainString());
        return created;
    }

    /** 审核: the unit's stage (approve, reject, return), then the union's, which sets the amount. */
    public HardshipDetailDTO review(UnionPrincipal caller, long id, HardshipReviewDTO input) {
        Fields.body(input);
        if (input.decision() == null) {
            throw ApiException.missingField("decision");
        }
        boolean approve = input.decision() == HardshipDecision.APPROVE;
        String comment = Fields.text("comment", input.comment(), WelfareInputs.MAX_TEXT, !approve);
        String expected = Fields.text("stage", input.stage(), 20, false);
        BigDecimal granted = approve ? WelfareInputs.optionalMoney("amountGranted", input.amountGranted()) : null;
        if (!approve && input.amountGranted() != null) {
            throw ApiException.invalidField("amountGranted", "仅批准时填写", "only when approving");
        }
        synchronized (money) {
            return change(caller, id, "welfare.case." + input.decision().name().toLowerCase(), (em, entity, now) -> {
                String stage = entity.stage;
                if (HardshipFlow.UNIT_STAGE.equals(stage) && filedForAnother(entity, caller)) {
                    throw ApiException.forbidden("welfare.case.own-filing", "由您代为提交的申请，单位审核须由本单位其他管理员办理",
                            "You filed this application; another administrator of the unit reviews it");
                }
                FlowOutcome outcome = flows.act(HardshipFlow.REVIEW, entity.flowCase(), caller, input.decision().action(),
                        expected, comment, now);
                boolean closes = approve && outcome.after().state() == CaseState.APPROVED;
                if (closes) {
                    grant(em, entity, granted);
                } else if (granted != null) {
                    throw ApiException.invalidField("amountGranted", "由校工会审核时核定", "is set at the union's stage");
                }
                entity.follow(outcome.after(), now);
                entity.lastComment = comment;
                em.persist(new HardshipStepEntity(entity.id, outcome.step()));
                if (outcome.after().state() != CaseState.IN_REVIEW) {
                    notifications.toMembers(List.of(entity.memberId), notice(entity.id));
                }
                return stage + " " + input.decision() + (closes ? " granted " + entity.amountGranted.toPlainString() : "");
            });
        }
    }

    /** The union's amount: at most what was asked, the fund's cap per case, and what is left of the member's yearly cap. */
    private void grant(EntityManager em, HardshipCaseEntity entity, BigDecimal granted) {
        if (granted == null) {
            throw ApiException.missingField("amountGranted");
        }
        if (granted.compareTo(entity.amountAsked) > 0) {
            throw ApiException.invalidField("amountGranted", "不能超过申请金额 " + entity.amountAsked.toPlainString() + " 元",
                    "must not exceed the amount asked, " + entity.amountAsked.toPlainString() + " yuan");
        }
        Caps cap = capsOf(entity.fund);
        if (granted.compareTo(cap.perCase()) > 0) {
            throw ApiException.conflict("welfare.cap.case", entity.fund.label() + "每次最多 " + cap.perCase().toPlainString() + " 元",
                    entity.fund + " grants at most " + cap.perCase().toPlainString() + " yuan a case");
        }
        BigDecimal before = money(em.createQuery("select sum(c.amountGranted) from HardshipCaseEntity c"
                + " where c.memberId = :member and c.fund = :fund and c.year = :year and c.state = :approved"
                + " and c.id <> :id", Object.class).setParameter("member", entity.memberId)
                .setParameter("fund", entity.fund).setParameter("year", entity.year)
                .setParameter("approved", CaseState.APPROVED).setParameter("id", entity.id).getSingleResult());
        BigDecimal after = before.add(granted);
        if (after.compareTo(cap.perMemberYear()) > 0) {
            throw ApiException.conflict("welfare.cap.member-year",
                    entity.fund.label() + "每人每年最多 " + cap.perMemberYear().toPlainString() + " 元，本年已核定 "
                            + before.setScale(2).toPlainString() + " 元",
                    entity.fund + " grants at most " + cap.perMemberYear().toPlainString() + " yuan a member a year; "
                            + before.setScale(2).toPlainString() + " already granted this year");
        }
        entity.amountGranted = granted;
    }

    /** 重新提交 a returned application, optionally with a new reason or amount. */
    public HardshipDetailDTO resubmit(UnionPrincipal caller, long id, HardshipResubmitDTO input) {
        String reason = input == null ? null : Fields.text("reason", input.reason(), WelfareInputs.MAX_TEXT, false);
        BigDecimal asked = input == null ? null : WelfareInputs.optionalMoney("amountAsked", input.amountAsked());
        return change(caller, id, "welfare.case.resubmit", (em, entity, now) -> {
            step(em, entity, caller, FlowAction.RESUBMIT, now);
            if (reason != null) {
                entity.reason = reason;
            }
            if (asked != null) {
                entity.amountAsked = asked;
            }
            return "resubmitted";
        });
    }

    /** 撤回 an open application: the member, or an administrator of their unit. */
    public HardshipDetailDTO withdraw(UnionPrincipal caller, long id) {
        return change(caller, id, "welfare.case.withdraw", (em, entity, now) -> {
            step(em, entity, caller, FlowAction.WITHDRAW, now);
            return "withdrawn";
        });
    }

    /** 发放: the union pays the amount granted from the fund; never more than the fund's balance. */
    public HardshipDetailDTO pay(UnionPrincipal caller, long id, PaymentDTO input) {
        Fields.body(input);
        LocalDate paidOn = Fields.date("paidOn", input.paidOn());
        String note = Fields.text("note", input.note(), WelfareInputs.MAX_SHORT, false);
        synchronized (money) {
            return change(caller, id, "welfare.case.pay", (em, entity, now) -> {
                requireUnionAdmin(caller);
                if (entity.state != CaseState.APPROVED) {
                    throw ApiException.conflict("welfare.case.not-approved", "申请尚未批准，不能发放",
                            "The application is not approved");
                }
                if (entity.paid()) {
                    throw ApiException.conflict("welfare.case.already-paid", "该申请已于 " + entity.paidOn + " 发放",
                            "Already paid on " + entity.paidOn);
                }
                BigDecimal balance = balance(em, entity.fund);
                if (balance.compareTo(entity.amountGranted) < 0) {
                    throw ApiException.conflict("welfare.fund.insufficient",
                            entity.fund.label() + "余额 " + balance.toPlainString() + " 元，不足以发放 "
                                    + entity.amountGranted.toPlainString() + " 元",
                            entity.fund + " holds " + balance.toPlainString() + " yuan, less than "
                                    + entity.amountGranted.toPlainString());
                }
                entity.paidOn = paidOn;
                entity.paidBy = caller.username();
                entity.paymentNote = note;
                entity.updatedAt = now;
                notifications.toMembers(List.of(entity.memberId), notice(entity.id));
                return "paid " + entity.amountGranted.toPlainString() + " on " + paidOn;
            });
        }
    }

    private void step(EntityManager em, HardshipCaseEntity entity, UnionPrincipal caller, FlowAction action, Instant now) {
        FlowOutcome outcome = flows.act(HardshipFlow.REVIEW, entity.flowCase(), caller, action, null, null, now);
        entity.follow(outcome.after(), now);
        em.persist(new HardshipStepEntity(entity.id, outcome.step()));
    }

    // ---- funds ----

    /** 资金拨入: money received into a fund (union administrators). */
    public FundIncomeDTO addIncome(UnionPrincipal caller, Fund fund, FundIncomeEditDTO input) {
        requireUnionAdmin(caller);
        Fields.body(input);
        BigDecimal amount = WelfareInputs.money("amount", input.amount());
        LocalDate on = Fields.date("receivedOn", input.receivedOn());
        String note = Fields.text("note", input.note(), WelfareInputs.MAX_SHORT, false);
        Instant now = clock.instant();
        FundIncomeDTO added = jpa.txExpr(TransactionType.Required, em -> {
            FundIncomeEntity income = new FundIncomeEntity(fund, amount, on, note, caller.username(), now);
            em.persist(income);
            em.flush();
            return income.toDTO();
        });
        audit.record("welfare.fund.income", "WelfareFund", fund.name(), amount.toPlainString() + " on " + on);
        return added;
    }

    /**
     * 资金与帮扶情况: the funds' balances (union administrators only: a university-wide sum can be a small
     * cell too) and, per unit in the caller's scope and fund, the year's approved cases with the amounts
     * granted and paid; a count below 5 is never shown, nor a total that would give one away.
     */
    public FundReportDTO report(UnionPrincipal caller, int year) {
        UnitScope scope = access.manageableUnits(caller);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            throw ApiException.forbidden("welfare.unit-admin-only", "仅单位或校工会管理员可以查看",
                    "Only unit or union administrators may see this");
        }
        List<UnitDTO> units = directory.units().stream()
                .filter(u -> u.kind() == UnitKind.UNIT && scope.covers(u.id())).toList();
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<String, Object[]> cells = new HashMap<>();
            for (Object[] row : em.createQuery("select c.unitId, c.fund, count(c), sum(c.amountGranted),"
                    + " sum(case when c.paidOn is null then 0 else c.amountGranted end) from HardshipCaseEntity c"
                    + " where c.year = :year and c.state = :approved group by c.unitId, c.fund", Object[].class)
                    .setParameter("year", year).setParameter("approved", CaseState.APPROVED).getResultList()) {
                cells.put(row[0] + "/" + row[1], row);
            }
            List<FundUnitRowDTO> rows = new ArrayList<>();
            List<FundUnitRowDTO> totals = new ArrayList<>();
            for (Fund fund : Fund.values()) {
                List<Long> counts = new ArrayList<>();
                BigDecimal grantedSum = zero();
                BigDecimal paidSum = zero();
                for (UnitDTO unit : units) {
                    Object[] cell = cells.get(unit.id() + "/" + fund);
                    long count = cell == null ? 0 : ((Number) cell[2]).longValue();
                    BigDecimal granted = cell == null ? zero() : money(cell[3]);
                    BigDecimal paid = cell == null ? zero() : money(cell[4]);
                    counts.add(count);
                    grantedSum = grantedSum.add(granted);
                    paidSum = paidSum.add(paid);
                    boolean hidden = SmallCells.hidden(count);
                    rows.add(new FundUnitRowDTO(unit.id(), unit.name(), fund, hidden ? null : (int) count,
                            SmallCells.shown(count), hidden ? null : granted, hidden ? null : paid, hidden));
                }
                boolean shown = SmallCells.totalShown(counts);
                totals.add(new FundUnitRowDTO(null, "合计", fund,
                        shown ? (int) counts.stream().mapToLong(Long::longValue).sum() : null,
                        SmallCells.shownTotal(counts), shown ? grantedSum : null, shown ? paidSum : null, !shown));
            }
            List<FundBalanceDTO> funds = new ArrayList<>();
            if (scope.isAll()) {
                for (Fund fund : Fund.values()) {
                    funds.add(balanceOf(em, fund, year));
                }
            }
            return new FundReportDTO(year, funds, rows, totals);
        });
    }

    static List<List<String>> reportRows(FundReportDTO report) {
        List<List<String>> rows = new ArrayList<>();
        for (FundUnitRowDTO row : report.rows()) {
            rows.add(List.of(row.unitName(), row.fund().label(), row.casesShown(), plain(row.granted()), plain(row.paid())));
        }
        for (FundUnitRowDTO row : report.totals()) {
            rows.add(List.of(row.unitName(), row.fund().label(), row.casesShown(), plain(row.granted()), plain(row.paid())));
        }
        return rows;
    }

    private FundBalanceDTO balanceOf(EntityManager em, Fund fund, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        BigDecimal income = money(em.createQuery("select sum(i.amount) from FundIncomeEntity i where i.fund = :fund",
                Object.class).setParameter("fund", fund).getSingleResult());
        BigDecimal yearIncome = money(em.createQuery("select sum(i.amount) from FundIncomeEntity i"
                + " where i.fund = :fund and i.receivedOn between :first and :last", Object.class)
                .setParameter("fund", fund).setParameter("first", first).setParameter("last", last).getSingleResult());
        BigDecimal paid = paid(em, fund, null, null);
        BigDecimal yearPaid = paid(em, fund, first, last);
        Caps cap = capsOf(fund);
        return new FundBalanceDTO(fund, fund.label(), cap.perCase(), cap.perMemberYear(), income, paid,
                income.subtract(paid), yearIncome, yearPaid);
    }

    private static BigDecimal paid(EntityManager em, Fund fund, LocalDate first, LocalDate last) {
        TypedQuery<Object> query = em.createQuery("select sum(c.amountGranted) from HardshipCaseEntity c"
                + " where c.fund = :fund and c.paidOn is not null" + (first == null ? "" : " and c.paidOn between :first and :last"),
                Object.class).setParameter("fund", fund);
        if (first != null) {
            query.setParameter("first", first).setParameter("last", last);
        }
        return money(query.getSingleResult());
    }

    private BigDecimal balance(EntityManager em, Fund fund) {
        BigDecimal income = money(em.createQuery("select sum(i.amount) from FundIncomeEntity i where i.fund = :fund",
                Object.class).setParameter("fund", fund).getSingleResult());
        return income.subtract(paid(em, fund, null, null));
    }

    // ---- reading ----

    /** The applications the caller may see: their own, and those of the units they manage; newest first. */
    public PageDTO<HardshipCaseDTO> list(UnionPrincipal caller, Fund fund, CaseState state, Integer year, int offset,
            int limit) {
        UnitScope scope = access.manageableUnits(caller);
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!scope.isAll()) {
            List<String> mine = new ArrayList<>();
            if (caller.memberId() != null) {
                mine.add("c.memberId = :self");
                parameters.put("self", caller.memberId());
            }
            if (!scope.unitIds().isEmpty()) {
                mine.add("c.unitId in :units");
                parameters.put("units", scope.unitIds());
            }
            if (mine.isEmpty()) {
                return new PageDTO<>(List.of(), 0, offset, limit);
            }
            where.add("(" + String.join(" or ", mine) + ")");
        }
        if (fund != null) {
            where.add("c.fund = :fund");
            parameters.put("fund", fund);
        }
        if (state != null) {
            where.add("c.state = :state");
            parameters.put("state", state);
        }
        if (year != null) {
            where.add("c.year = :year");
            parameters.put("year", year);
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<HardshipCaseEntity> rows = em.createQuery("select c from HardshipCaseEntity c" + filter
                    + " order by c.id desc", HardshipCaseEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(c) from HardshipCaseEntity c" + filter, Long.class);
            parameters.forEach((name, value) -> {
                rows.setParameter(name, value);
                count.setParameter(name, value);
            });
            Map<Long, String> names = unitNames();
            List<HardshipCaseDTO> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(c -> dto(c, names)).toList();
            return new PageDTO<>(items, count.getSingleResult(), offset, limit);
        });
    }

    /** One application, for its member, its unit's administrators and union administrators; 404 for anyone else. */
    public HardshipDetailDTO get(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> detail(em, visible(em, caller, id)));
    }

    /** The year's applications in scope as table rows, ID and phone numbers masked. */
    public List<List<String>> exportRows(UnionPrincipal caller, int year) {
        UnitScope scope = access.manageableUnits(caller);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            throw ApiException.forbidden("welfare.unit-admin-only", "仅单位或校工会管理员可以导出",
                    "Only unit or union administrators may export");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<HardshipCaseEntity> query = em.createQuery("select c from HardshipCaseEntity c where c.year = :year"
                    + (scope.isAll() ? "" : " and c.unitId in :units") + " order by c.id", HardshipCaseEntity.class)
                    .setParameter("year", year);
            if (!scope.isAll()) {
                query.setParameter("units", scope.unitIds());
            }
            Map<Long, String> names = unitNames();
            List<List<String>> rows = new ArrayList<>();
            for (HardshipCaseEntity c : query.getResultList()) {
                HardshipCaseDTO dto = dto(c, names);
                rows.add(List.of(String.valueOf(c.id), c.fund.label(), String.valueOf(c.year), dto.unitName(),
                        dto.staffNo(), dto.memberName(), WelfareInputs.maskIdNumber(c.idNumber),
                        Masks.phone(c.phone), c.amountAsked.toPlainString(), plain(c.amountGranted),
                        c.state.label(), c.paidOn == null ? "" : c.paidOn.toString()));
            }
            return rows;
        });
    }

    // ---- what waits on whom; who sees the documents ----

    /** Applications waiting on {@code user}; titles carry the number and fund, never a name. */
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        UnitScope scope = access.manageableUnits(user);
        List<String> mine = new ArrayList<>();
        if (!scope.isAll()) {
            if (!scope.unitIds().isEmpty()) {
                mine.add("c.unitId in :units");
            }
            if (user.memberId() != null) {
                mine.add("c.memberId = :self");
            }
            if (mine.isEmpty()) {
                return List.of();
            }
        }
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<HardshipCaseEntity> open = em.createQuery("select c from HardshipCaseEntity c where c.state in :open"
                    + (mine.isEmpty() ? "" : " and (" + String.join(" or ", mine) + ")") + " order by c.id",
                    HardshipCaseEntity.class)
                    .setParameter("open", EnumSet.of(CaseState.IN_REVIEW, CaseState.RETURNED)).setMaxResults(MAX_TASKS);
            if (!scope.isAll() && !scope.unitIds().isEmpty()) {
                open.setParameter("units", scope.unitIds());
            }
            if (!scope.isAll() && user.memberId() != null) {
                open.setParameter("self", user.memberId());
            }
            List<TaskDTO> tasks = new ArrayList<>();
            for (HardshipCaseEntity c : open.getResultList()) {
                FlowCase flowCase = c.flowCase();
                if (flows.waitsOn(HardshipFlow.REVIEW, flowCase, user, now)
                        && !(HardshipFlow.UNIT_STAGE.equals(c.stage) && c.state == CaseState.IN_REVIEW
                                && filedForAnother(c, user))) {
                    tasks.add(new TaskDTO("帮扶申请 #" + c.id + "（" + c.fund.label() + "）", "/api/welfare/cases/" + c.id,
                            c.state == CaseState.IN_REVIEW ? HardshipFlow.stageLabel(c.stage) : c.state.label(),
                            flowCase.since(), flows.due(HardshipFlow.REVIEW, flowCase)));
                }
            }
            return tasks;
        });
    }

    /** Whether the caller may see the application (and its documents). */
    public boolean maySee(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            HardshipCaseEntity c = em.find(HardshipCaseEntity.class, id);
            return c != null && sees(caller, c);
        });
    }

    /** Whether the caller may add or remove documents: who may see it, while it is open. */
    public boolean mayChange(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            HardshipCaseEntity c = em.find(HardshipCaseEntity.class, id);
            return c != null && sees(caller, c) && !c.state.isFinal();
        });
    }

    // ---- the steps every change shares ----

    @FunctionalInterface
    private interface Change {
        String apply(EntityManager em, HardshipCaseEntity entity, Instant now);
    }

    private HardshipDetailDTO change(UnionPrincipal caller, long id, String action, Change change) {
        Instant now = clock.instant();
        return AuditedChange.run(audit, action, TARGET_TYPE, id, () -> jpa.txExpr(TransactionType.Required, em -> {
            HardshipCaseEntity entity = visible(em, caller, id);
            String detail = change.apply(em, entity, now);
            em.flush();
            return new AuditedChange.Done<>(detail(em, entity), detail);
        }), () -> ApiException.conflict("welfare.case.changed", "申请刚被他人处理，请刷新后重试",
                "The application was changed by someone else; reload and try again"));
    }

    /** Whether the caller filed this case for another member (so does not take its unit's decision). */
    private static boolean filedForAnother(HardshipCaseEntity c, UnionPrincipal caller) {
        return caller.username().equals(c.filedBy) && !c.filedBy.equals(c.applicant);
    }

    private boolean sees(UnionPrincipal caller, HardshipCaseEntity c) {
        return caller.memberId() != null && caller.memberId() == c.memberId || access.canManageUnit(caller, c.unitId);
    }

    private HardshipCaseEntity visible(EntityManager em, UnionPrincipal caller, long id) {
        HardshipCaseEntity c = em.find(HardshipCaseEntity.class, id);
        if (c == null || !sees(caller, c)) {
            throw ApiException.notFound("welfare.case.not-found", "帮扶申请 " + id + " 不存在",
                    "Hardship application " + id + " not found");
        }
        return c;
    }

    private HardshipDetailDTO detail(EntityManager em, HardshipCaseEntity c) {
        List<HardshipStepDTO> history = em.createQuery("select s from HardshipStepEntity s where s.caseId = :id"
                + " order by s.at, s.id", HardshipStepEntity.class).setParameter("id", c.id).getResultList().stream()
                .map(HardshipStepEntity::toDTO).toList();
        return new HardshipDetailDTO(dto(c, unitNames()), c.reason, c.idNumber, c.phone, c.lastComment, c.paymentNote,
                history, attachments.list(ATTACHMENT_TYPE, String.valueOf(c.id)));
    }

    private HardshipCaseDTO dto(HardshipCaseEntity c, Map<Long, String> names) {
        MemberDTO member = directory.findMember(c.memberId).orElse(null);
        return new HardshipCaseDTO(c.id, c.fund, c.fund.label(), c.year, c.unitId,
                names.computeIfAbsent(c.unitId, u -> directory.findUnit(u).map(UnitDTO::name).orElse("#" + u)),
                c.memberId, member == null ? c.applicant : member.staffNo(), member == null ? "#" + c.memberId : member.name(),
                c.amountAsked, c.amountGranted, c.state, c.state.label(), c.stage, HardshipFlow.stageLabel(c.stage),
                c.paid(), c.paidOn, c.createdAt);
    }

    /** A notice of this private work point: "something waits for you" and the link, nothing else. */
    static Notice notice(long id) {
        return Notice.confidential("/p/welfare/case?id=" + id);
    }

    static void requireUnionAdmin(UnionPrincipal caller) {
        if (!caller.hasRole(Roles.UNION_ADMIN)) {
            throw ApiException.forbidden("welfare.union-admin-only", "仅校工会管理员可以操作",
                    "Only union administrators can do this");
        }
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        directory.units().forEach(unit -> names.put(unit.id(), unit.name()));
        return names;
    }

    private static int year(Instant now) {
        return LocalDate.ofInstant(now, ZONE).getYear();
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static BigDecimal money(Object value) {
        return value == null ? zero() : new BigDecimal(value.toString()).setScale(2);
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
