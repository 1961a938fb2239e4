package cn.edu.cumt.union.plugin.study.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.api.indicator.IndicatorSource;
import cn.edu.cumt.union.api.security.UnitScope;

/**
 * Study's figures for the yearly scorecard: sessions each unit union held (organised by the unit or one of
 * its groups, started in the year and by now) and its attendance rate over the year (实到 / 应到 of the
 * study report, in per cent with one decimal; no figure when nothing was expected of the unit).
 */
@Component(service = IndicatorSource.class)
public class StudyIndicators implements IndicatorSource {

    static final String SESSIONS = "study.sessions";
    static final String ATTENDANCE = "study.attendance-rate";
    private static final List<IndicatorDTO> INDICATORS = List.of(
            new IndicatorDTO(SESSIONS, "组织政治学习次数", "Study sessions held", "次", true),
            new IndicatorDTO(ATTENDANCE, "政治学习到课率", "Study attendance rate", "%", true));

    private final StudyService study;
    private final JpaTemplate jpa;
    private final Directory directory;
    private final Clock clock;

    @Activate
    public StudyIndicators(@Reference StudyService study,
            @Reference(target = "(osgi.unit.name=union-study)") JpaTemplate jpa, @Reference Directory directory) {
        this(study, jpa, directory, Clock.systemUTC());
    }

    StudyIndicators(StudyService study, JpaTemplate jpa, Directory directory, Clock clock) {
        this.study = study;
        this.jpa = jpa;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public List<IndicatorDTO> indicators() {
        return INDICATORS;
    }

    @Override
    public Map<String, Map<Long, BigDecimal>> figures(int year) {
        Map<Long, BigDecimal> rates = new HashMap<>();
        for (StudyReportRowDTO row : study.report(UnitScope.all(), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)).units()) {
            if (row.rate() != null) {
                rates.put(row.unitId(), row.rate().movePointRight(2).setScale(1, RoundingMode.HALF_UP));
            }
        }
        return Map.of(SESSIONS, sessionsHeld(year), ATTENDANCE, rates);
    }

    /** Sessions per unit union, each counted for the unit its organiser belongs to (the organiser or its parent). */
    private Map<Long, BigDecimal> sessionsHeld(int year) {
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(StudyService.ZONE).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(StudyService.ZONE).toInstant();
        Instant now = clock.instant();
        // up to and including now: times are stored to the microsecond (InstantConverter), so one microsecond past it
        Instant until = now.isBefore(end) ? now.plus(1, ChronoUnit.MICROS) : end;
        List<Object[]> counts = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select s.organiserUnitId, count(s) from StudySessionEntity s where s.startsAt >= :start"
                        + " and s.startsAt < :until group by s.organiserUnitId", Object[].class)
                .setParameter("start", start).setParameter("until", until).getResultList());
        Map<Long, UnitDTO> units = new HashMap<>();
        directory.units().forEach(unit -> units.put(unit.id(), unit));
        Map<Long, BigDecimal> held = new HashMap<>();
        for (Object[] row : counts) {
            Long unionUnit = unitUnion(units, ((Number) row[0]).longValue());
            if (unionUnit != null) {
                held.merge(unionUnit, BigDecimal.valueOf(((Number) row[1]).longValue()), BigDecimal::add);
            }
        }
        return held;
    }

    /** The unit union (kind UNIT) a unit is or belongs to, or {@code null} for the university level. */
    static Long unitUnion(Map<Long, UnitDTO> units, long unitId) {
        UnitDTO unit = units.get(unitId);
        for (int depth = 0; unit != null && depth < 64; depth++) {
            if (unit.kind() == UnitKind.UNIT) {
                return unit.id();
            }
            unit = unit.parentId() == null ? null : units.get(unit.parentId());
        }
        return null;
    }
}
