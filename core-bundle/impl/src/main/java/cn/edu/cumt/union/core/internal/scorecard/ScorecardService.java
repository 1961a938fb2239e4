package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * The yearly scorecard (二级单位工会工作考核): the union administrator's design of a year (indicators,
 * weights, targets), the live scorecard computed from the installed plugins' figures by
 * {@link ScoreRules}, and publishing, which stores figures, scores and ranks so that a published year
 * is always served from its snapshot. Every unit union (kind {@code UNIT}, not retired) is ranked.
 */
@Component(service = ScorecardService.class)
public class ScorecardService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int FIRST_YEAR = 2000;
    static final int MAX_INDICATORS = 50;
    static final BigDecimal MAX_WEIGHT = new BigDecimal("1000");
    static final BigDecimal MAX_TARGET = new BigDecimal("1000000000000");

    private final JpaTemplate jpa;
    private final IndicatorRegistry registry;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public ScorecardService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference IndicatorRegistry registry, @Reference Directory directory, @Reference AccessControl access,
            @Reference AuditLog audit) {
        this(jpa, registry, directory, access, audit, Clock.system(ZONE));
    }

    ScorecardService(JpaTemplate jpa, IndicatorRegistry registry, Directory directory, AccessControl access,
            AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.registry = registry;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The indicators the installed plugins publish now: what a design may choose from. */
    public IndicatorListDTO indicators() {
        IndicatorRegistry.Catalogue catalogue = registry.catalogue();
        return new IndicatorListDTO(catalogue.list(), catalogue.missing());
    }

    /** @throws ApiException 404 when the year has no design */
    public DesignDTO design(int year) {
        checkYear(year);
        return jpa.txExpr(TransactionType.Required, em -> {
            ScorecardYearEntity entity = em.find(ScorecardYearEntity.class, year);
            if (entity == null) {
                throw noDesign(year);
            }
            return new DesignDTO(year, items(em, year), entity.isPublished(), entity.getUpdatedBy(), entity.getUpdatedAt());
        });
    }

    /**
     * Replaces a year's design. Every indicator must be published by an installed plugin now; weights and
     * targets positive; a published year is final.
     *
     * @throws ApiException 403 unless a union administrator, 400 naming each bad field, 409 {@code scorecard.published}
     */
    public DesignDTO saveDesign(UnionPrincipal caller, int year, DesignInputDTO input) {
        requireUnionAdmin(caller);
        checkYear(year);
        if (jpa.txExpr(TransactionType.Required, em -> {
            ScorecardYearEntity entity = em.find(ScorecardYearEntity.class, year);
            return entity != null && entity.isPublished();
        })) {
            throw published(year);
        }
        Map<String, IndicatorDTO> known = registry.catalogue().list().stream()
                .collect(Collectors.toMap(IndicatorDTO::code, i -> i));
        List<DesignInputDTO.Item> chosen = validate(input, known);
        Instant now = clock.instant();
        DesignDTO saved = jpa.txExpr(TransactionType.Required, em -> {
            ScorecardYearEntity entity = em.find(ScorecardYearEntity.class, year, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                entity = new ScorecardYearEntity(year);
                entity.changed(caller.username(), now);
                em.persist(entity);
            } else if (entity.isPublished()) {
                throw published(year);
            }
            entity.changed(caller.username(), now);
            em.createQuery("delete from ScorecardItemEntity i where i.year = :year").setParameter("year", year)
                    .executeUpdate();
            for (int i = 0; i < chosen.size(); i++) {
                DesignInputDTO.Item item = chosen.get(i);
                em.persist(new ScorecardItemEntity(year, i, known.get(item.code()), item.weight(), item.target()));
            }
            em.flush();
            return new DesignDTO(year, items(em, year), false, caller.username(), now);
        });
        audit.record("scorecard.design.save", "Scorecard", Integer.toString(year), saved.indicators().stream()
                .map(i -> i.code() + " weight " + i.weight().toPlainString() + " target " + i.target().toPlainString())
                .collect(Collectors.joining("; ")));
        return saved;
    }

    /**
     * A year's scorecard as the caller may see it: a union administrator every row, a unit administrator
     * the rows of the units they manage (with their ranks among all units). A published year comes from
     * its snapshot, an unpublished one is computed now.
     *
     * @throws ApiException 404 when the year has no design
     */
    public ScorecardDTO scorecard(UnionPrincipal caller, int year) {
        checkYear(year);
        ScorecardDTO whole = stored(year);
        if (whole == null) {
            whole = live(year);
        }
        return scoped(caller, whole);
    }

    /**
     * Publishes a year: computes it now and stores it. Refused while figures are missing unless
     * {@code acceptMissing} (those units then keep 0 points for good).
     *
     * @throws ApiException 404 without a design, 409 {@code scorecard.published} or {@code scorecard.figures-missing}
     */
    public ScorecardDTO publish(UnionPrincipal caller, int year, boolean acceptMissing) {
        requireUnionAdmin(caller);
        checkYear(year);
        ScorecardDTO live = live(year);
        if (live.published()) {
            throw published(year);
        }
        if (!live.missing().isEmpty() && !acceptMissing) {
            throw new ApiException(409, "scorecard.figures-missing", "部分指标数据缺失，确认后可加 acceptMissing=true 发布",
                    "Some figures are missing; publish with acceptMissing=true to accept them as 0 points",
                    live.missing().stream().map(m -> m.code() + ": " + m.reason()).toList());
        }
        Instant now = clock.instant();
        jpa.tx(TransactionType.Required, em -> {
            ScorecardYearEntity entity = em.find(ScorecardYearEntity.class, year, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                throw noDesign(year);
            }
            if (entity.isPublished()) {
                throw published(year);
            }
            List<ScorecardItemDTO> design = items(em, year);
            if (!design.equals(live.indicators())) {
                throw ApiException.conflict("scorecard.design-changed", "考核方案刚被修改，请重试",
                        "The design changed meanwhile; try again");
            }
            for (int i = 0; i < live.rows().size(); i++) {
                em.persist(new ScorecardRowEntity(year, i, live.rows().get(i)));
            }
            entity.published(caller.username(), now);
        });
        audit.record("scorecard.publish", "Scorecard", Integer.toString(year), live.units() + " units"
                + (live.missing().isEmpty() ? "" : ", accepted missing: " + live.missing().stream()
                        .map(MissingDTO::code).distinct().collect(Collectors.joining(", "))));
        return scoped(caller, stored(year));
    }

    /** The year computed now from the plugins' figures; {@code published} is set when a snapshot exists. */
    private ScorecardDTO live(int year) {
        record Design(List<ScorecardItemDTO> items, boolean published) {
        }
        Design design = jpa.txExpr(TransactionType.Required, em -> {
            ScorecardYearEntity entity = em.find(ScorecardYearEntity.class, year);
            if (entity == null) {
                throw noDesign(year);
            }
            return new Design(items(em, year), entity.isPublished());
        });
        List<ScoreRules.Item> items = design.items().stream()
                .map(i -> new ScoreRules.Item(i.code(), i.weight(), i.target(), i.higherIsBetter())).toList();
        IndicatorRegistry.Figures figures = registry.figures(year, items.stream().map(ScoreRules.Item::code).toList());
        List<ScoreRules.Unit> units = directory.units().stream().filter(u -> u.kind() == UnitKind.UNIT && !u.retired())
                .map(u -> new ScoreRules.Unit(u.id(), u.code(), u.name())).toList();
        List<ScorecardRowDTO> rows = ScoreRules.score(items, units, figures.values());
        return new ScorecardDTO(year, design.published(), null, design.items(), rows.size(), rows, figures.missing());
    }

    /** The published snapshot, or {@code null} when the year is not published. */
    private ScorecardDTO stored(int year) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ScorecardYearEntity entity = em.find(ScorecardYearEntity.class, year);
            if (entity == null) {
                throw noDesign(year);
            }
            if (!entity.isPublished()) {
                return null;
            }
            List<ScorecardRowDTO> rows = em.createQuery("select r from ScorecardRowEntity r where r.year = :year"
                    + " order by r.position", ScorecardRowEntity.class).setParameter("year", year).getResultList()
                    .stream().map(ScorecardRowEntity::toDTO).toList();
            return new ScorecardDTO(year, true, entity.getPublishedAt(), items(em, year), rows.size(), rows, List.of());
        });
    }

    private ScorecardDTO scoped(UnionPrincipal caller, ScorecardDTO whole) {
        if (caller.hasRole(Roles.UNION_ADMIN)) {
            return whole;
        }
        Set<Long> visible = caller.hasRole(Roles.UNIT_ADMIN) ? access.manageableUnitIds(caller) : Set.of();
        Set<Long> mine = visible == null ? null : new HashSet<>(visible);
        List<ScorecardRowDTO> rows = whole.rows().stream().filter(r -> mine == null || mine.contains(r.unitId())).toList();
        return new ScorecardDTO(whole.year(), whole.published(), whole.publishedAt(), whole.indicators(),
                whole.units(), rows, whole.missing());
    }

    private static List<ScorecardItemDTO> items(javax.persistence.EntityManager em, int year) {
        return em.createQuery("select i from ScorecardItemEntity i where i.year = :year order by i.position",
                ScorecardItemEntity.class).setParameter("year", year).getResultList().stream()
                .map(ScorecardItemEntity::toDTO).toList();
    }

    private static void requireUnionAdmin(UnionPrincipal caller) {
        if (!caller.hasRole(Roles.UNION_ADMIN)) {
            throw ApiException.forbidden("scorecard.union-admin-only", "只有校工会管理员可以制定和发布考核",
                    "Only a union administrator may design or publish the scorecard");
        }
    }

    /** A year from 2000 to next year (Asia/Shanghai). */
    private void checkYear(int year) {
        int next = clock.instant().atZone(ZONE).getYear() + 1;
        if (year < FIRST_YEAR || year > next) {
            throw ApiException.invalidField("year", "应在 " + FIRST_YEAR + " 至 " + next + " 之间",
                    "must be from " + FIRST_YEAR + " to " + next);
        }
    }

    /** Checks the design input; every problem is named in the 400's details. */
    static List<DesignInputDTO.Item> validate(DesignInputDTO input, Map<String, IndicatorDTO> known) {
        if (input == null || input.indicators() == null || input.indicators().isEmpty()) {
            throw ApiException.missingField("indicators");
        }
        if (input.indicators().size() > MAX_INDICATORS) {
            throw ApiException.invalidField("indicators", "最多 " + MAX_INDICATORS + " 项", "at most " + MAX_INDICATORS);
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.indicators().size(); i++) {
            DesignInputDTO.Item item = input.indicators().get(i);
            String field = "indicators[" + i + "]";
            if (item == null) {
                problems.add("缺少 / missing: " + field);
                continue;
            }
            if (item.code() == null || item.code().isBlank()) {
                problems.add("缺少 / missing: " + field + ".code");
            } else if (!known.containsKey(item.code())) {
                problems.add(field + ".code: 未知指标（插件未安装？）/ unknown indicator (plugin not installed?): " + item.code());
            } else if (!seen.add(item.code())) {
                problems.add(field + ".code: 重复 / chosen twice: " + item.code());
            }
            positive(problems, field + ".weight", item.weight(), MAX_WEIGHT, 2);
            positive(problems, field + ".target", item.target(), MAX_TARGET, 4);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "request.field-invalid", "考核方案有误：" + problems.get(0),
                    "Invalid design: " + problems.get(0), problems);
        }
        return input.indicators();
    }

    private static void positive(List<String> problems, String field, BigDecimal value, BigDecimal max, int scale) {
        if (value == null) {
            problems.add("缺少 / missing: " + field);
        } else if (value.signum() <= 0) {
            problems.add(field + ": 须大于 0 / must be greater than 0");
        } else if (value.compareTo(max) > 0) {
            problems.add(field + ": 不能超过 " + max.toPlainString() + " / at most " + max.toPlainString());
        } else if (value.stripTrailingZeros().scale() > scale) {
            problems.add(field + ": 最多 " + scale + " 位小数 / at most " + scale + " decimals");
        }
    }

    private static ApiException noDesign(int year) {
        return ApiException.notFound("scorecard.no-design", year + " 年尚未制定考核方案", "No scorecard design for " + year);
    }

    private static ApiException published(int year) {
        return ApiException.conflict("scorecard.published", year + " 年考核结果已发布，不能再修改",
                "The " + year + " scorecard is published and final");
    }
}
