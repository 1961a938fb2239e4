package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowCase;
import cn.edu.cumt.union.api.flow.FlowOutcome;
import cn.edu.cumt.union.api.flow.Flows;
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
 * The rules of 一会一品: a unit's yearly application, the university union's review, funding,
 * milestones, the mid-term inspection, the final evaluation, who sees what, and the yearly report.
 * Status moves go through {@link BrandFlow}; the review's rules (who decides, never the applicant,
 * withdraw, resubmit, reassign, the deadline) are the core's {@link Flows}.
 */
@Component(service = BrandService.class)
public class BrandService {

    /** "Today" for dates is a calendar day of the union's own time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String TARGET_TYPE = "BrandProject";
    static final Set<BrandStatus> PUBLIC = EnumSet.of(BrandStatus.APPROVED, BrandStatus.IN_PROGRESS,
            BrandStatus.COMPLETED);
    /** The most open applications one task list shows (a year has one per unit: about 30). */
    static final int MAX_TASKS = 500;
    static final List<String> REPORT_HEADER = List.of("单位", "项目名称", "状态", "申请经费（元）", "批准经费（元）",
            "已拨付（元）", "评价总分", "等级");

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Flows flows;
    private final Clock clock;

    /** {@code schema} is not used: referencing it makes DS wait until the BRAND_ tables exist. */
    @Activate
    public BrandService(@Reference(target = "(osgi.unit.name=union-brand)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=brand)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit,
            @Reference Flows flows) {
        this(jpa, directory, access, audit, flows, Clock.systemUTC());
    }

    /** For tests: a fixed clock. */
    BrandService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Flows flows, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.flows = flows;
        this.clock = clock;
    }

    // ---- application (the unit) ----

    /** 申报: a unit administrator for a unit they manage, a union administrator for any unit. */
    public BrandProjectDetailDTO apply(UnionPrincipal caller, BrandProjectEditDTO input) {
        BrandProjectEditDTO valid = validate(input);
        long unitId = valid.unitId();
        int year = valid.year();
        requireUnit(unitId);
        if (!access.canManageUnit(caller, unitId)) {
            throw ApiException.forbidden("brand.unit-not-managed", "无权以该单位名义申报一会一品项目",
                    "You may not apply for this unit");
        }
        Instant now = clock.instant();
        BrandProjectDetailDTO created;
        try {
            created = jpa.txExpr(TransactionType.Required, em -> {
                BrandProjectEntity open = openProject(em, unitId, year);
                if (open != null) {
                    throw duplicate(open);
                }
                BrandProjectEntity project = new BrandProjectEntity(unitId, year, caller.username(), now);
                project.apply(valid, now);
                project.follow(flows.submit(BrandFlow.REVIEW, caller, unitId, now).after());
                em.persist(project);
                em.flush();
                em.persist(new BrandTransitionEntity(project.getId(), BrandAction.APPLY, null, project.getStatus(),
                        null, caller.username(), now));
                em.flush();
                return detail(em, project, true);
            });
        } catch (PersistenceException race) {
            // Two applications at once: the unique OPEN_KEY let one in; name it.
            BrandProjectEntity open = jpa.txExpr(TransactionType.Required, em -> openProject(em, unitId, year));
            if (open == null) {
                throw race;
            }
            throw duplicate(open);
        }
        audit.record("brand.project.apply", TARGET_TYPE, String.valueOf(created.project().id()),
                "unit " + unitId + " year " + year + ": " + created.project().name());
        return created;
    }

    /** 修改: the name, aims, plan and budget, while submitted or returned; unit and year stay. */
    public BrandProjectDetailDTO update(UnionPrincipal caller, long id, BrandProjectEditDTO input) {
        BrandProjectEditDTO valid = validate(input);
        return change(caller, id, "brand.project.update", (em, project, now) -> {
            if (project.getUnitId() != valid.unitId() || project.getYear() != valid.year()) {
                throw ApiException.invalidField(valid.unitId() != project.getUnitId() ? "unitId" : "year",
                        "不能修改申报单位或年度，请撤回后重新申报", "cannot change; withdraw and apply again");
            }
            move(em, project, BrandAction.EDIT, null, caller, now);
            project.apply(valid, now);
            return project.getName();
        });
    }

    /** 撤回: while submitted or returned; the unit may then apply again for the year. */
    public BrandProjectDetailDTO withdraw(UnionPrincipal caller, long id) {
        return change(caller, id, "brand.project.withdraw", (em, project, now) -> {
            move(em, project, BrandAction.WITHDRAW, null, caller, now);
            return project.getName();
        });
    }

    /** 重新提交 a returned application. */
    public BrandProjectDetailDTO resubmit(UnionPrincipal caller, long id) {
        return change(caller, id, "brand.project.resubmit", (em, project, now) -> {
            move(em, project, BrandAction.RESUBMIT, null, caller, now);
            return project.getName();
        });
    }

    // ---- review (the university union) ----

    /** 审核: approve with funding (at most the budget asked), reject with a reason, or return with comments. */
    public BrandProjectDetailDTO review(UnionPrincipal caller, long id, ReviewDTO input) {
        requireUnionAdmin(caller);
        if (input == null || input.decision() == null) {
            throw ApiException.missingField("decision");
        }
        BrandDecision decision = input.decision();
        boolean approve = decision == BrandDecision.APPROVE;
        String comment = Fields.text("comment", input.comment(), BrandInputs.MAX_COMMENT, !approve);
        BigDecimal granted = null;
        if (approve) {
            granted = BrandInputs.money("fundingGranted", input.fundingGranted());
        } else if (input.fundingGranted() != null) {
            throw ApiException.invalidField("fundingGranted", "仅批准立项时填写", "only when approving");
        }
        BigDecimal funding = granted;
        String action = "brand.project." + decision.name().toLowerCase();
        return change(caller, id, action, (em, project, now) -> {
            move(em, project, decision.action(), comment, caller, now);
            if (funding != null && funding.compareTo(project.getBudgetAsked()) > 0) {
                throw ApiException.invalidField("fundingGranted",
                        "批准经费不能超过申请经费 " + project.getBudgetAsked().toPlainString() + " 元",
                        "must not exceed the budget asked, " + project.getBudgetAsked().toPlainString() + " yuan");
            }
            project.review(funding, comment, caller.username(), now);
            return project.getName() + (funding == null ? "" : ", funding " + funding.toPlainString());
        });
    }

    /** 转办: a union administrator hands the review to one reviewer ({@code assignee} absent: back to all). */
    public BrandProjectDetailDTO reassign(UnionPrincipal caller, long id, ReassignDTO input) {
        requireUnionAdmin(caller);
        String assignee = Fields.text("assignee", input == null ? null : input.assignee(), BrandInputs.MAX_USERNAME,
                false);
        String comment = Fields.text("comment", input == null ? null : input.comment(), BrandInputs.MAX_COMMENT,
                false);
        return change(caller, id, "brand.project.reassign", (em, project, now) -> {
            BrandStatus status = BrandFlow.next(project.getStatus(), BrandAction.REASSIGN);
            FlowOutcome outcome = flows.reassign(BrandFlow.REVIEW, project.flowCase(), caller, assignee, comment, now);
            project.follow(outcome.after());
            em.persist(new BrandTransitionEntity(project.getId(), BrandAction.REASSIGN, status, status,
                    outcome.step().comment(), caller.username(), now));
            return project.getName() + " -> " + (assignee == null ? "all reviewers" : assignee);
        });
    }

    // ---- what waits on whom (the core's task list) ----

    /**
     * The open applications waiting on {@code user}: in review, on the union administrators other than
     * the applicant (or the one it was reassigned to); returned, on the applicant and the unit's
     * administrators. Members and operators manage no unit, so nothing here waits on them.
     */
    public List<TaskDTO> tasksFor(UnionPrincipal user) {
        UnitScope scope = access.manageableUnits(user);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Long, String> names = unitNames();
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<BrandProjectEntity> open = em.createQuery("select p from BrandProjectEntity p"
                    + " where p.status in :open" + (scope.isAll() ? "" : " and p.unitId in :units") + " order by p.id",
                    BrandProjectEntity.class).setParameter("open", EnumSet.of(BrandStatus.SUBMITTED, BrandStatus.RETURNED))
                    .setMaxResults(MAX_TASKS);
            if (!scope.isAll()) {
                open.setParameter("units", scope.unitIds());
            }
            List<TaskDTO> tasks = new ArrayList<>();
            for (BrandProjectEntity project : open.getResultList()) {
                FlowCase flowCase = project.flowCase();
                if (flows.waitsOn(BrandFlow.REVIEW, flowCase, user, now)) {
                    tasks.add(new TaskDTO(project.getName() + "（" + unitName(names, project.getUnitId()) + " "
                            + project.getYear() + "）", "/api/brand/projects/" + project.getId(),
                            project.getStatus() == BrandStatus.SUBMITTED ? BrandFlow.REVIEW.stages().get(0).label()
                                    : project.getStatus().label(),
                            flowCase.since(), flows.due(BrandFlow.REVIEW, flowCase)));
                }
            }
            return tasks;
        });
    }

    // ---- progress of approved projects ----

    /** Adds a milestone (节点): the unit's administrators or the union. */
    public BrandProjectDetailDTO addMilestone(UnionPrincipal caller, long id, MilestoneEditDTO input) {
        MilestoneEditDTO valid = BrandInputs.milestone(input, today());
        return change(caller, id, "brand.milestone.create", (em, project, now) -> {
            move(em, project, BrandAction.PROGRESS, null, caller, now);
            long count = em.createQuery("select count(m) from BrandMilestoneEntity m where m.projectId = :project",
                    Long.class).setParameter("project", id).getSingleResult();
            if (count >= BrandInputs.MAX_MILESTONES) {
                throw ApiException.conflict("brand.milestone.too-many",
                        "每个项目最多 " + BrandInputs.MAX_MILESTONES + " 个节点",
                        "A project has at most " + BrandInputs.MAX_MILESTONES + " milestones");
            }
            BrandMilestoneEntity milestone = new BrandMilestoneEntity(id);
            milestone.apply(valid, caller.username(), now);
            em.persist(milestone);
            return valid.title();
        });
    }

    /** Replaces a milestone's fields, e.g. to mark it done. */
    public BrandProjectDetailDTO updateMilestone(UnionPrincipal caller, long id, long milestoneId,
            MilestoneEditDTO input) {
        MilestoneEditDTO valid = BrandInputs.milestone(input, today());
        return change(caller, id, "brand.milestone.update", (em, project, now) -> {
            move(em, project, BrandAction.PROGRESS, null, caller, now);
            milestone(em, id, milestoneId).apply(valid, caller.username(), now);
            return "milestone " + milestoneId + ": " + valid.title() + (valid.done() ? " (done)" : "");
        });
    }

    public BrandProjectDetailDTO deleteMilestone(UnionPrincipal caller, long id, long milestoneId) {
        return change(caller, id, "brand.milestone.delete", (em, project, now) -> {
            move(em, project, BrandAction.PROGRESS, null, caller, now);
            BrandMilestoneEntity milestone = milestone(em, id, milestoneId);
            em.remove(milestone);
            return "milestone " + milestoneId + ": " + milestone.getTitle();
        });
    }

    /** 经费拨付 by the union; all payments together never exceed the funding granted. */
    public BrandProjectDetailDTO disburse(UnionPrincipal caller, long id, DisbursementEditDTO input) {
        requireUnionAdmin(caller);
        DisbursementEditDTO valid = BrandInputs.disbursement(input, today());
        return change(caller, id, "brand.disbursement.create", (em, project, now) -> {
            move(em, project, BrandAction.PROGRESS, null, caller, now);
            // Two payments at once must not both pass the check: the second fails on the version.
            em.lock(project, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            BigDecimal paid = disbursed(em, List.of(id)).getOrDefault(id, BigDecimal.ZERO.setScale(2));
            BigDecimal after = paid.add(valid.amount());
            if (after.compareTo(project.getFundingGranted()) > 0) {
                throw ApiException.conflict("brand.disbursement.over-grant",
                        "拨付总额 " + after.toPlainString() + " 元将超过批准经费 "
                                + project.getFundingGranted().toPlainString() + " 元（已拨付 " + paid.toPlainString() + " 元）",
                        "Disbursements would total " + after.toPlainString() + " yuan, more than the "
                                + project.getFundingGranted().toPlainString() + " yuan granted (" + paid.toPlainString()
                                + " already paid)");
            }
            em.persist(new BrandDisbursementEntity(id, valid, caller.username(), now));
            return valid.amount().toPlainString() + " yuan on " + valid.paidOn();
        });
    }

    /** 中期检查 by the union; recording it again replaces it. */
    public BrandProjectDetailDTO inspect(UnionPrincipal caller, long id, InspectionEditDTO input) {
        requireUnionAdmin(caller);
        InspectionEditDTO valid = BrandInputs.inspection(input, today());
        return change(caller, id, "brand.inspection.record", (em, project, now) -> {
            move(em, project, BrandAction.PROGRESS, null, caller, now);
            project.inspect(valid, caller.username(), now);
            return valid.date() + " " + valid.rating();
        });
    }

    /** 结项评价 by the union: four scores, their average and a grade; completes the project. */
    public BrandProjectDetailDTO evaluate(UnionPrincipal caller, long id, EvaluationEditDTO input) {
        requireUnionAdmin(caller);
        EvaluationEditDTO valid = BrandInputs.evaluation(input);
        BigDecimal total = BrandInputs.total(valid);
        return change(caller, id, "brand.evaluation.record", (em, project, now) -> {
            move(em, project, BrandAction.COMPLETE, valid.comment(), caller, now);
            project.evaluate(valid, total, caller.username(), now);
            return "total " + total.toPlainString() + " " + BrandGrade.of(total);
        });
    }

    // ---- reading ----

    /**
     * Union administrators see every project; unit administrators their units' projects in any status
     * and the approved, running and completed ones of other units; members only those. Latest year first.
     */
    public PageDTO<BrandProjectDTO> list(UnionPrincipal caller, Integer year, Long unitId, BrandStatus status,
            int offset, int limit) {
        UnitScope scope = access.manageableUnits(caller);
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!scope.isAll()) {
            where.add(scope.unitIds().isEmpty() ? "p.status in :public" : "(p.unitId in :units or p.status in :public)");
            parameters.put("public", PUBLIC);
            if (!scope.unitIds().isEmpty()) {
                parameters.put("units", scope.unitIds());
            }
        }
        if (year != null) {
            where.add("p.year = :year");
            parameters.put("year", year);
        }
        if (unitId != null) {
            where.add("p.unitId = :unit");
            parameters.put("unit", unitId);
        }
        if (status != null) {
            where.add("p.status = :status");
            parameters.put("status", status);
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        Map<Long, String> names = unitNames();
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<BrandProjectEntity> rows = em.createQuery("select p from BrandProjectEntity p" + filter
                    + " order by p.year desc, p.unitId, p.id desc", BrandProjectEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(p) from BrandProjectEntity p" + filter, Long.class);
            parameters.forEach((name, value) -> {
                rows.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<BrandProjectEntity> page = rows.setFirstResult(offset).setMaxResults(limit).getResultList();
            Map<Long, BigDecimal> paid = disbursed(em, page.stream().map(BrandProjectEntity::getId).toList());
            List<BrandProjectDTO> items = page.stream().map(p -> p.toDTO(unitName(names, p.getUnitId()),
                    paid.getOrDefault(p.getId(), zero()), scope.covers(p.getUnitId()))).toList();
            return new PageDTO<>(items, count.getSingleResult(), offset, limit);
        });
    }

    /** One project: in full for who manages its unit; approved ones without the internals for everyone else; else 404. */
    public BrandProjectDetailDTO get(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            BrandProjectEntity project = em.find(BrandProjectEntity.class, id);
            if (project == null) {
                throw notFound(id);
            }
            boolean managed = access.canManageUnit(caller, project.getUnitId());
            if (!managed && !PUBLIC.contains(project.getStatus())) {
                throw notFound(id);
            }
            return detail(em, project, managed);
        });
    }

    // ---- report ----

    /**
     * 一会一品年度汇总: the year's projects (withdrawn ones left out) of the units the caller manages
     * (all units for a union administrator), in directory order, with money summed.
     */
    public BrandReportDTO report(UnionPrincipal caller, int year) {
        UnitScope scope = access.manageableUnits(caller);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            return new BrandReportDTO(year, 0, zero(), zero(), zero(), List.of());
        }
        Map<Long, Integer> order = new HashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (UnitDTO unit : directory.units()) {
            order.put(unit.id(), order.size());
            names.put(unit.id(), unit.name());
        }
        List<BrandReportRowDTO> rows = jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<BrandProjectEntity> query = em.createQuery("select p from BrandProjectEntity p"
                    + " where p.year = :year and p.status <> :withdrawn" + (scope.isAll() ? "" : " and p.unitId in :units")
                    + " order by p.id", BrandProjectEntity.class)
                    .setParameter("year", year).setParameter("withdrawn", BrandStatus.WITHDRAWN);
            if (!scope.isAll()) {
                query.setParameter("units", scope.unitIds());
            }
            List<BrandProjectEntity> projects = query.getResultList();
            Map<Long, BigDecimal> paid = disbursed(em, projects.stream().map(BrandProjectEntity::getId).toList());
            return projects.stream()
                    .sorted(Comparator.comparing((BrandProjectEntity p) -> order.getOrDefault(p.getUnitId(),
                            Integer.MAX_VALUE)).thenComparing(BrandProjectEntity::getUnitId)
                            .thenComparing(BrandProjectEntity::getId))
                    .map(p -> new BrandReportRowDTO(p.getUnitId(), unitName(names, p.getUnitId()), p.getId(),
                            p.getName(), p.getStatus(), p.getStatus().label(), p.getBudgetAsked(),
                            p.getFundingGranted(), paid.getOrDefault(p.getId(), zero()), p.getScoreTotal(),
                            p.getGrade(), p.getGrade() == null ? null : p.getGrade().label()))
                    .toList();
        });
        return new BrandReportDTO(year, rows.size(),
                sum(rows.stream().map(BrandReportRowDTO::budgetAsked).toList()),
                sum(rows.stream().map(BrandReportRowDTO::fundingGranted).toList()),
                sum(rows.stream().map(BrandReportRowDTO::disbursed).toList()), rows);
    }

    /** The report as table rows under {@link #REPORT_HEADER}, with a total line (合计). */
    static List<List<String>> reportRows(BrandReportDTO report) {
        List<List<String>> rows = new ArrayList<>();
        for (BrandReportRowDTO row : report.rows()) {
            rows.add(List.of(row.unitName(), row.name(), row.statusLabel(), plain(row.budgetAsked()),
                    plain(row.fundingGranted()), plain(row.disbursed()), plain(row.totalScore()),
                    row.gradeLabel() == null ? "" : row.gradeLabel()));
        }
        rows.add(List.of("合计", report.projects() + " 个项目", "", plain(report.budgetAsked()),
                plain(report.fundingGranted()), plain(report.disbursed()), "", ""));
        return rows;
    }

    // ---- the steps every change shares ----

    /** One change to a project the caller manages, in one transaction, then its audit line. */
    @FunctionalInterface
    private interface Change {
        /** @return the audit detail */
        String apply(EntityManager em, BrandProjectEntity project, Instant now);
    }

    private BrandProjectDetailDTO change(UnionPrincipal caller, long id, String action, Change change) {
        Instant now = clock.instant();
        return AuditedChange.run(audit, action, TARGET_TYPE, id, () -> jpa.txExpr(TransactionType.Required, em -> {
            BrandProjectEntity project = managed(em, caller, id);
            String detail = change.apply(em, project, now);
            em.flush();
            return new AuditedChange.Done<>(detail(em, project, true), detail);
        }), () -> ApiException.conflict("brand.project.changed", "项目刚被他人修改，请刷新后重试",
                "The project was changed by someone else; reload and try again"));
    }

    /**
     * Moves the project along {@link BrandFlow} (409 when not allowed), asks the core's flow rules for a
     * review step (403/409 when the caller may not take it), and keeps real moves as history.
     */
    private void move(EntityManager em, BrandProjectEntity project, BrandAction action, String comment,
            UnionPrincipal caller, Instant now) {
        BrandStatus from = project.getStatus();
        BrandStatus to = BrandFlow.next(from, action);
        FlowAction step = BrandFlow.flowAction(action);
        if (step != null) {
            project.follow(flows.act(BrandFlow.REVIEW, project.flowCase(), caller, step, null, comment, now).after());
        }
        if (to != from) {
            project.setStatus(to, now);
            em.persist(new BrandTransitionEntity(project.getId(), action, from, to, comment, caller.username(), now));
        }
    }

    private BrandProjectDetailDTO detail(EntityManager em, BrandProjectEntity project, boolean full) {
        long id = project.getId();
        List<MilestoneDTO> milestones = em.createQuery("select m from BrandMilestoneEntity m"
                + " where m.projectId = :project order by m.dueDate, m.id", BrandMilestoneEntity.class)
                .setParameter("project", id).getResultList().stream().map(BrandMilestoneEntity::toDTO).toList();
        List<DisbursementDTO> disbursements = null;
        List<TransitionDTO> history = null;
        BigDecimal paid = null;
        if (full) {
            disbursements = em.createQuery("select d from BrandDisbursementEntity d"
                    + " where d.projectId = :project order by d.paidOn, d.id", BrandDisbursementEntity.class)
                    .setParameter("project", id).getResultList().stream().map(BrandDisbursementEntity::toDTO).toList();
            history = em.createQuery("select t from BrandTransitionEntity t"
                    + " where t.projectId = :project order by t.at, t.id", BrandTransitionEntity.class)
                    .setParameter("project", id).getResultList().stream().map(BrandTransitionEntity::toDTO).toList();
            paid = disbursements.stream().map(DisbursementDTO::amount).reduce(zero(), BigDecimal::add);
        }
        String unitName = directory.findUnit(project.getUnitId()).map(UnitDTO::name)
                .orElse("#" + project.getUnitId());
        return new BrandProjectDetailDTO(project.toDTO(unitName, paid, full), project.getAims(), project.getPlan(),
                full ? project.getReviewComment() : null, milestones, disbursements,
                full ? project.inspection() : null, project.evaluation(), history);
    }

    /** A project the caller may manage; 404 otherwise, so that ids of other units stay hidden. */
    private BrandProjectEntity managed(EntityManager em, UnionPrincipal caller, long id) {
        BrandProjectEntity project = em.find(BrandProjectEntity.class, id);
        if (project == null || !access.canManageUnit(caller, project.getUnitId())) {
            throw notFound(id);
        }
        return project;
    }

    private static BrandMilestoneEntity milestone(EntityManager em, long projectId, long milestoneId) {
        BrandMilestoneEntity milestone = em.find(BrandMilestoneEntity.class, milestoneId);
        if (milestone == null || milestone.getProjectId() != projectId) {
            throw ApiException.notFound("brand.milestone.not-found", "节点 " + milestoneId + " 不存在",
                    "Milestone " + milestoneId + " not found");
        }
        return milestone;
    }

    private static BrandProjectEntity openProject(EntityManager em, long unitId, int year) {
        return em.createQuery("select p from BrandProjectEntity p where p.openKey = :key", BrandProjectEntity.class)
                .setParameter("key", BrandProjectEntity.openKey(unitId, year)).getResultStream().findFirst()
                .orElse(null);
    }

    /** Sum of the disbursements per project id (projects without any are absent). */
    private static Map<Long, BigDecimal> disbursed(EntityManager em, List<Long> projectIds) {
        Map<Long, BigDecimal> sums = new HashMap<>();
        if (projectIds.isEmpty()) {
            return sums;
        }
        for (Object[] row : em.createQuery("select d.projectId, sum(d.amount) from BrandDisbursementEntity d"
                + " where d.projectId in :ids group by d.projectId", Object[].class)
                .setParameter("ids", projectIds).getResultList()) {
            sums.put(((Number) row[0]).longValue(), ((BigDecimal) row[1]).setScale(2));
        }
        return sums;
    }

    // ---- validation ----

    /** Checks and normalises an application (trimmed texts, money with 2 decimals). */
    static BrandProjectEditDTO validate(BrandProjectEditDTO input) {
        if (input == null) {
            throw ApiException.missingField("(body)");
        }
        if (input.unitId() == null) {
            throw ApiException.missingField("unitId");
        }
        int year = Fields.year("year", input.year());
        String name = Fields.text("name", input.name(), BrandInputs.MAX_NAME, true);
        String aims = Fields.text("aims", input.aims(), BrandInputs.MAX_AIMS, true);
        String plan = Fields.text("plan", input.plan(), BrandInputs.MAX_PLAN, true);
        BigDecimal budget = BrandInputs.money("budgetAsked", input.budgetAsked());
        return new BrandProjectEditDTO(input.unitId(), year, name, aims, plan, budget);
    }

    /** Only a unit union (二级单位工会) that exists and is not retired runs a 一会一品 project. */
    private void requireUnit(long unitId) {
        UnitDTO unit = directory.findUnit(unitId).orElse(null);
        if (unit == null || unit.retired()) {
            throw ApiException.invalidField("unitId", "单位 " + unitId + " 不存在", "unknown unit " + unitId);
        }
        if (unit.kind() != UnitKind.UNIT) {
            throw ApiException.invalidField("unitId", "只有二级单位工会可以申报一会一品项目",
                    "only a unit union (not the university or a group) can apply");
        }
    }

    private static void requireUnionAdmin(UnionPrincipal caller) {
        if (!caller.hasRole(Roles.UNION_ADMIN)) {
            throw ApiException.forbidden("brand.union-admin-only", "仅校工会管理员可以操作",
                    "Only union administrators can do this");
        }
    }

    // ---- small things ----

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        directory.units().forEach(unit -> names.put(unit.id(), unit.name()));
        return names;
    }

    private String unitName(Map<Long, String> names, long unitId) {
        return names.computeIfAbsent(unitId, u -> directory.findUnit(u).map(UnitDTO::name).orElse("#" + u));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().filter(a -> a != null).reduce(zero(), BigDecimal::add);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static ApiException duplicate(BrandProjectEntity open) {
        return ApiException.conflict("brand.project.duplicate",
                "该单位 " + open.getYear() + " 年度已有一会一品项目（#" + open.getId() + "「" + open.getName() + "」，"
                        + open.getStatus().label() + "）；每个单位每年只能有一个未被驳回或撤回的项目",
                "The unit already has a project for " + open.getYear() + " (#" + open.getId() + ", " + open.getStatus()
                        + "); one project per unit and year unless rejected or withdrawn");
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("brand.project.not-found", "一会一品项目 " + id + " 不存在",
                "Brand project " + id + " not found");
    }
}
