package cn.edu.cumt.union.plugin.brand.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.api.indicator.IndicatorSource;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * 一会一品's figures for the yearly scorecard, from each unit's project of the year (the one holding its
 * place: not rejected or withdrawn). {@code brand.grade}: the final evaluation's grade, 优秀 4, 良好 3,
 * 合格 2, 不合格 1 (no figure before the evaluation). {@code brand.stage}: how far the project got,
 * 1 submitted or returned, 2 approved or in progress, 3 completed.
 */
@Component(service = IndicatorSource.class)
public class BrandIndicators implements IndicatorSource {

    static final String GRADE = "brand.grade";
    static final String STAGE = "brand.stage";
    private static final List<IndicatorDTO> INDICATORS = List.of(
            new IndicatorDTO(GRADE, "一会一品结项等级", "Brand project grade", "级", true),
            new IndicatorDTO(STAGE, "一会一品项目进度", "Brand project stage", "", true));

    private final JpaTemplate jpa;

    /** {@code schema} is not used: it makes DS wait until the BRAND_ tables exist. */
    @Activate
    public BrandIndicators(@Reference(target = "(osgi.unit.name=union-brand)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=brand)") SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public List<IndicatorDTO> indicators() {
        return INDICATORS;
    }

    @Override
    public Map<String, Map<Long, BigDecimal>> figures(int year) {
        List<BrandProjectEntity> projects = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select p from BrandProjectEntity p where p.year = :year", BrandProjectEntity.class)
                .setParameter("year", year).getResultList());
        Map<Long, BigDecimal> grades = new HashMap<>();
        Map<Long, BigDecimal> stages = new HashMap<>();
        for (BrandProjectEntity project : projects) {
            if (!project.getStatus().holdsYear()) {
                continue;
            }
            stages.put(project.getUnitId(), BigDecimal.valueOf(stage(project.getStatus())));
            if (project.getGrade() != null) {
                grades.put(project.getUnitId(), BigDecimal.valueOf(grade(project.getGrade())));
            }
        }
        return Map.of(GRADE, grades, STAGE, stages);
    }

    static int grade(BrandGrade grade) {
        return switch (grade) {
        case EXCELLENT -> 4;
        case GOOD -> 3;
        case PASS -> 2;
        case FAIL -> 1;
        };
    }

    static int stage(BrandStatus status) {
        return switch (status) {
        case SUBMITTED, RETURNED -> 1;
        case APPROVED, IN_PROGRESS -> 2;
        case COMPLETED -> 3;
        case REJECTED, WITHDRAWN -> 0;
        };
    }
}
