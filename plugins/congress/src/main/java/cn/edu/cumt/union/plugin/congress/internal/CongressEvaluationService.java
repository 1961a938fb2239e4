package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * 二级教代会考评: the union administrator's scoring sheet of a year (criteria, weights, maximum scores),
 * each unit's scores with evidence files, totals and ranking. A unit's total is the sum over criteria of
 * score / maximum × weight, 2 decimals; units with equal totals share a rank (1, 2, 2, 4).
 */
@Component(service = CongressEvaluationService.class)
public class CongressEvaluationService {

    static final String EVIDENCE_TYPE = "evaluation";
    static final int MAX_CRITERIA = 50;
    static final BigDecimal MAX_VALUE = new BigDecimal("1000");

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    /** {@code schema} is not used: referencing it makes DS wait until the CONGRESS_ tables exist. */
    @Activate
    public CongressEvaluationService(@Reference(target = "(osgi.unit.name=union-congress)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=congress)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit) {
        this(jpa, directory, access, audit, Clock.systemUTC());
    }

    CongressEvaluationService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Defines or replaces the year's sheet; once a unit is scored the sheet stays (409). */
    public SheetDTO putSheet(UnionPrincipal caller, int year, SheetEditDTO input) {
        requireUnionAdmin(caller);
        Fields.body(input);
        String title = Fields.text("title", input.title(), 200, true);
        List<CriterionEditDTO> criteria = input.criteria();
        if (criteria == null || criteria.isEmpty()) {
            throw ApiException.missingField("criteria");
        }
        if (criteria.size() > MAX_CRITERIA) {
            throw ApiException.invalidField("criteria", "最多 " + MAX_CRITERIA + " 项", "at most " + MAX_CRITERIA);
        }
        List<CriterionEditDTO> valid = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CriterionEditDTO c : criteria) {
            if (c == null) {
                throw ApiException.invalidField("criteria", "不能为空", "must not contain null");
            }
            String name = Fields.text("criteria.name", c.name(), 200, true);
            if (!names.add(name)) {
                throw ApiException.invalidField("criteria.name", "指标名称重复：" + name, "twice: " + name);
            }
            valid.add(new CriterionEditDTO(name, positive("criteria.weight", c.weight()),
                    positive("criteria.maxScore", c.maxScore())));
        }
        Instant now = clock.instant();
        SheetDTO sheet = jpa.txExpr(TransactionType.Required, em -> {
            CongressSheetEntity s = sheetEntity(em, year);
            if (s == null) {
                s = new CongressSheetEntity();
                s.year = year;
                em.persist(s);
            } else {
                long scored = em.createQuery("select count(x) from CongressScoreEntity x, CongressCriterionEntity c"
                        + " where x.criterionId = c.id and c.sheetId = :s", Long.class).setParameter("s", s.id)
                        .getSingleResult();
                if (scored > 0) {
                    throw ApiException.conflict("congress.sheet.scored", "已有单位评分，考评表不能再修改",
                            "Units are scored already; the sheet cannot change");
                }
                em.createQuery("delete from CongressCriterionEntity c where c.sheetId = :s").setParameter("s", s.id)
                        .executeUpdate();
            }
            s.title = title;
            s.updatedBy = caller.username();
            s.updatedAt = now;
            em.flush();
            int position = 0;
            for (CriterionEditDTO c : valid) {
                CongressCriterionEntity e = new CongressCriterionEntity();
                e.sheetId = s.id;
                e.position = position++;
                e.name = c.name();
                e.weight = c.weight();
                e.maxScore = c.maxScore();
                em.persist(e);
            }
            em.flush();
            return sheet(em, s);
        });
        audit.record("congress.sheet.put", "CongressSheet", String.valueOf(year), title + ", " + valid.size() + " criteria");
        return sheet;
    }

    public SheetDTO getSheet(int year) {
        return jpa.txExpr(TransactionType.Required, em -> sheet(em, requireSheet(em, year)));
    }

    /** Enters or corrects a unit's scores: union administrators, each score from 0 to the criterion's maximum. */
    public EvaluationRowDTO score(UnionPrincipal caller, int year, long unitId, ScoresEditDTO input) {
        requireUnionAdmin(caller);
        UnitDTO unit = directory.findUnit(unitId).filter(u -> u.kind() == UnitKind.UNIT && !u.retired()).orElseThrow(
                () -> ApiException.notFound("congress.unit.not-found", "单位不存在", "No such unit"));
        List<ScoreEditDTO> scores = Fields.body(input).scores();
        if (scores == null || scores.isEmpty()) {
            throw ApiException.missingField("scores");
        }
        Instant now = clock.instant();
        EvaluationRowDTO row = jpa.txExpr(TransactionType.Required, em -> {
            CongressSheetEntity sheet = requireSheet(em, year);
            Map<Long, CongressCriterionEntity> criteria = new HashMap<>();
            criteria(em, sheet.id).forEach(c -> criteria.put(c.id, c));
            Set<Long> seen = new HashSet<>();
            for (ScoreEditDTO s : scores) {
                if (s == null || s.criterionId() == null) {
                    throw ApiException.missingField("scores.criterionId");
                }
                CongressCriterionEntity c = criteria.get(s.criterionId());
                if (c == null || !seen.add(c.id)) {
                    throw ApiException.invalidField("scores.criterionId", "不是本年度考评表的指标或重复",
                            "not a criterion of the year's sheet, or twice");
                }
                if (s.score() == null) {
                    throw ApiException.missingField("scores.score");
                }
                if (s.score().signum() < 0 || s.score().compareTo(c.maxScore) > 0 || s.score().scale() > 2) {
                    throw ApiException.invalidField("scores.score", "应在 0 至 " + c.maxScore.toPlainString() + " 之间，最多两位小数",
                            "must be 0 to " + c.maxScore.toPlainString() + " with at most 2 decimals");
                }
                CongressScoreEntity e = em.createQuery("select x from CongressScoreEntity x where x.criterionId = :c"
                        + " and x.unitId = :u", CongressScoreEntity.class).setParameter("c", c.id).setParameter("u", unitId)
                        .getResultList().stream().findFirst().orElse(null);
                if (e == null) {
                    e = new CongressScoreEntity();
                    e.criterionId = c.id;
                    e.unitId = unitId;
                    em.persist(e);
                }
                e.score = s.score().setScale(2);
                e.scoredBy = caller.username();
                e.scoredAt = now;
            }
            em.flush();
            return evaluation(em, sheet).rows().stream().filter(r -> r.unitId() == unitId).findFirst().orElseThrow();
        });
        audit.record("congress.evaluation.score", "CongressEvaluation", year + "-" + unitId, unit.name() + ": " + row.total());
        return row;
    }

    /** The year's evaluation: union administrators see every unit, unit administrators the units they manage. */
    public EvaluationDTO evaluation(UnionPrincipal caller, int year) {
        EvaluationDTO all = jpa.txExpr(TransactionType.Required, em -> evaluation(em, requireSheet(em, year)));
        if (caller.hasRole(Roles.UNION_ADMIN)) {
            return all;
        }
        return new EvaluationDTO(all.year(), all.title(), all.criteria(),
                all.rows().stream().filter(r -> access.canManageUnit(caller, r.unitId())).toList());
    }

    /** Totals per unit, for the scorecard; empty without a sheet. */
    Map<Long, BigDecimal> totals(int year) {
        return jpa.txExpr(TransactionType.Required, em -> {
            CongressSheetEntity sheet = sheetEntity(em, year);
            Map<Long, BigDecimal> totals = new HashMap<>();
            if (sheet != null) {
                evaluation(em, sheet).rows().stream().filter(r -> r.total() != null)
                        .forEach(r -> totals.put(r.unitId(), r.total()));
            }
            return totals;
        });
    }

    /** Whether the caller may see (and add) a unit's evidence: who manages the unit, for a year with a sheet. */
    boolean mayUseEvidence(UnionPrincipal caller, int year, long unitId) {
        return access.canManageUnit(caller, unitId) && directory.findUnit(unitId).map(u -> u.kind() == UnitKind.UNIT)
                .orElse(false) && jpa.txExpr(TransactionType.Required, em -> sheetEntity(em, year) != null);
    }

    static List<String> header(EvaluationDTO e) {
        List<String> header = new ArrayList<>(List.of("名次", "单位"));
        e.criteria().forEach(c -> header.add(c.name() + "（权重 " + c.weight().toPlainString() + "，满分 "
                + c.maxScore().toPlainString() + "）"));
        header.add("总分");
        return header;
    }

    static List<List<String>> rows(EvaluationDTO e) {
        List<List<String>> rows = new ArrayList<>();
        for (EvaluationRowDTO r : e.rows()) {
            List<String> row = new ArrayList<>();
            row.add(r.rank() == null ? "" : String.valueOf(r.rank()));
            row.add(r.unitName());
            r.scores().forEach(s -> row.add(s == null ? "" : s.toPlainString()));
            row.add(r.total() == null ? "" : r.total().toPlainString());
            rows.add(row);
        }
        return rows;
    }

    // ---- the pieces ----

    private EvaluationDTO evaluation(EntityManager em, CongressSheetEntity sheet) {
        List<CongressCriterionEntity> criteria = criteria(em, sheet.id);
        Map<Long, Map<Long, BigDecimal>> byUnit = new HashMap<>();
        if (!criteria.isEmpty()) {
            for (CongressScoreEntity s : em.createQuery("select x from CongressScoreEntity x where x.criterionId in :c",
                    CongressScoreEntity.class).setParameter("c", criteria.stream().map(c -> c.id).toList())
                    .getResultList()) {
                byUnit.computeIfAbsent(s.unitId, u -> new HashMap<>()).put(s.criterionId, s.score);
            }
        }
        List<EvaluationRowDTO> rows = new ArrayList<>();
        for (UnitDTO unit : directory.units()) {
            if (unit.kind() != UnitKind.UNIT) {
                continue;
            }
            Map<Long, BigDecimal> scores = byUnit.getOrDefault(unit.id(), Map.of());
            List<BigDecimal> cells = new ArrayList<>();
            criteria.forEach(c -> cells.add(scores.get(c.id)));
            rows.add(new EvaluationRowDTO(unit.id(), unit.name(), cells, scores.isEmpty() ? null : total(criteria, scores),
                    null));
        }
        return new EvaluationDTO(sheet.year, sheet.title, criteria.stream().map(CongressEvaluationService::criterion).toList(),
                rank(rows));
    }

    /** Σ score / maximum × weight over the scored criteria, 2 decimals. */
    static BigDecimal total(List<CongressCriterionEntity> criteria, Map<Long, BigDecimal> scores) {
        BigDecimal total = BigDecimal.ZERO;
        for (CongressCriterionEntity c : criteria) {
            BigDecimal score = scores.get(c.id);
            if (score != null) {
                total = total.add(score.multiply(c.weight).divide(c.maxScore, 10, RoundingMode.HALF_UP));
            }
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    /** Best total first; equal totals share a rank, the next rank skips (1, 2, 2, 4); unscored units last, unranked. */
    static List<EvaluationRowDTO> rank(List<EvaluationRowDTO> rows) {
        List<EvaluationRowDTO> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(EvaluationRowDTO::total, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(EvaluationRowDTO::unitName));
        List<EvaluationRowDTO> ranked = new ArrayList<>();
        Integer rank = null;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            EvaluationRowDTO r = sorted.get(i);
            if (r.total() == null) {
                ranked.add(r);
                continue;
            }
            if (previous == null || r.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = r.total();
            }
            ranked.add(new EvaluationRowDTO(r.unitId(), r.unitName(), r.scores(), r.total(), rank));
        }
        return ranked;
    }

    private static List<CongressCriterionEntity> criteria(EntityManager em, long sheetId) {
        return em.createQuery("select c from CongressCriterionEntity c where c.sheetId = :s order by c.position",
                CongressCriterionEntity.class).setParameter("s", sheetId).getResultList();
    }

    private static CriterionDTO criterion(CongressCriterionEntity c) {
        return new CriterionDTO(c.id, c.name, c.weight, c.maxScore);
    }

    private static SheetDTO sheet(EntityManager em, CongressSheetEntity s) {
        return new SheetDTO(s.year, s.title, criteria(em, s.id).stream().map(CongressEvaluationService::criterion).toList());
    }

    private static CongressSheetEntity sheetEntity(EntityManager em, int year) {
        return em.createQuery("select s from CongressSheetEntity s where s.year = :y", CongressSheetEntity.class)
                .setParameter("y", year).getResultList().stream().findFirst().orElse(null);
    }

    private static CongressSheetEntity requireSheet(EntityManager em, int year) {
        CongressSheetEntity s = sheetEntity(em, year);
        if (s == null) {
            throw ApiException.notFound("congress.sheet.not-found", year + " 年度尚未制定考评表",
                    "No scoring sheet for " + year);
        }
        return s;
    }

    private static BigDecimal positive(String field, BigDecimal value) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value.signum() <= 0 || value.compareTo(MAX_VALUE) > 0 || value.scale() > 2) {
            throw ApiException.invalidField(field, "应大于 0、不超过 1000，最多两位小数", "must be above 0, at most 1000, 2 decimals");
        }
        return value.setScale(2);
    }

    private static void requireUnionAdmin(UnionPrincipal caller) {
        if (!caller.hasRole(Roles.UNION_ADMIN)) {
            throw ApiException.forbidden("congress.union-admin-only", "仅校工会管理员可以操作",
                    "Only union administrators may do this");
        }
    }
}
