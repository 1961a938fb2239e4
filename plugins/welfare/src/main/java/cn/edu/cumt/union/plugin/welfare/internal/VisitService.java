package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * 慰问: planned and done visits to members (staff on duty over holidays, veterans, seconded cadres, the
 * sick, model workers), who visited and what was given; kept by the administrators of the member's unit
 * and the union. Done visits per unit and year are an indicator ({@link WelfareIndicators}).
 */
@Component(service = VisitService.class)
public class VisitService {

    static final String TARGET_TYPE = "WelfareVisit";

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public VisitService(@Reference(target = "(osgi.unit.name=union-welfare)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=welfare)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit) {
        this(jpa, directory, access, audit, Clock.systemUTC());
    }

    VisitService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public VisitDTO create(UnionPrincipal caller, VisitEditDTO input) {
        Valid valid = validate(caller, input);
        Instant now = clock.instant();
        VisitDTO created = jpa.txExpr(TransactionType.Required, em -> {
            VisitEntity visit = new VisitEntity(caller.username(), now);
            valid.applyTo(visit, now);
            em.persist(visit);
            em.flush();
            return dto(visit);
        });
        audit.record("welfare.visit.create", TARGET_TYPE, String.valueOf(created.id()), valid.input().category()
                + (valid.input().doneOn() == null ? " planned" : " done"));
        return created;
    }

    /** Replaces a visit's fields, e.g. to record it done; the member (and so the unit) stays. */
    public VisitDTO update(UnionPrincipal caller, long id, VisitEditDTO input) {
        Valid valid = validate(caller, input);
        Instant now = clock.instant();
        VisitDTO updated = jpa.txExpr(TransactionType.Required, em -> {
            VisitEntity visit = managed(em, caller, id);
            if (visit.memberId != valid.input().memberId()) {
                throw ApiException.invalidField("memberId", "不能修改慰问对象", "cannot change the member visited");
            }
            valid.applyTo(visit, now);
            return dto(visit);
        });
        audit.record("welfare.visit.update", TARGET_TYPE, String.valueOf(id), valid.input().doneOn() == null ? "planned" : "done");
        return updated;
    }

    public VisitDTO get(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> dto(managed(em, caller, id)));
    }

    /** Visits of the units the caller manages planned or done in a year, latest first. */
    public PageDTO<VisitDTO> list(UnionPrincipal caller, Integer year, VisitCategory category, int offset, int limit) {
        UnitScope scope = access.manageableUnits(caller);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            return new PageDTO<>(List.of(), 0, offset, limit);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!scope.isAll()) {
            where.add("v.unitId in :units");
            parameters.put("units", scope.unitIds());
        }
        if (year != null) {
            where.add("v.plannedOn between :first and :last");
            parameters.put("first", LocalDate.of(year, 1, 1));
            parameters.put("last", LocalDate.of(year, 12, 31));
        }
        if (category != null) {
            where.add("v.category = :category");
            parameters.put("category", category);
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<VisitEntity> rows = em.createQuery("select v from VisitEntity v" + filter
                    + " order by v.plannedOn desc, v.id desc", VisitEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(v) from VisitEntity v" + filter, Long.class);
            parameters.forEach((name, value) -> {
                rows.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<VisitDTO> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(this::dto).toList();
            return new PageDTO<>(items, count.getSingleResult(), offset, limit);
        });
    }

    /** Done visits per unit in a year (the indicator's figures). */
    Map<Long, BigDecimal> doneByUnit(int year) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, BigDecimal> figures = new HashMap<>();
            for (Object[] row : em.createQuery("select v.unitId, count(v) from VisitEntity v where v.doneOn between"
                    + " :first and :last group by v.unitId", Object[].class).setParameter("first", LocalDate.of(year, 1, 1))
                    .setParameter("last", LocalDate.of(year, 12, 31)).getResultList()) {
                figures.put(((Number) row[0]).longValue(), BigDecimal.valueOf(((Number) row[1]).longValue()));
            }
            return figures;
        });
    }

    private record Valid(VisitEditDTO input, long unitId, String visitors, String gifts, BigDecimal value, String note) {
        void applyTo(VisitEntity visit, Instant now) {
            visit.memberId = input.memberId();
            visit.unitId = unitId;
            visit.category = input.category();
            visit.plannedOn = input.plannedOn();
            visit.doneOn = input.doneOn();
            visit.visitors = visitors;
            visit.gifts = gifts;
            visit.giftValue = value;
            visit.note = note;
            visit.updatedAt = now;
        }
    }

    private Valid validate(UnionPrincipal caller, VisitEditDTO input) {
        Fields.body(input);
        if (input.memberId() == null) {
            throw ApiException.missingField("memberId");
        }
        if (input.category() == null) {
            throw ApiException.missingField("category");
        }
        Fields.date("plannedOn", input.plannedOn());
        if (input.doneOn() != null) {
            Fields.date("doneOn", input.doneOn());
            if (input.doneOn().isAfter(LocalDate.ofInstant(clock.instant(), HardshipService.ZONE))) {
                throw ApiException.invalidField("doneOn", "不能晚于今天", "must not be in the future");
            }
        }
        String visitors = Fields.text("visitors", input.visitors(), WelfareInputs.MAX_SHORT, input.doneOn() != null);
        String gifts = Fields.text("gifts", input.gifts(), WelfareInputs.MAX_SHORT, false);
        BigDecimal value = WelfareInputs.optionalMoney("giftValue", input.giftValue());
        String note = Fields.text("note", input.note(), 1000, false);
        MemberDTO member = directory.findMember(input.memberId()).orElse(null);
        if (member == null || !access.canManageUnit(caller, member.unitId())) {
            throw ApiException.notFound("welfare.member.not-found", "会员 " + input.memberId() + " 不存在",
                    "Member " + input.memberId() + " not found");
        }
        return new Valid(input, member.unitId(), visitors, gifts, value, note);
    }

    private VisitEntity managed(EntityManager em, UnionPrincipal caller, long id) {
        VisitEntity visit = em.find(VisitEntity.class, id);
        if (visit == null || !access.canManageUnit(caller, visit.unitId)) {
            throw ApiException.notFound("welfare.visit.not-found", "慰问记录 " + id + " 不存在", "Visit " + id + " not found");
        }
        return visit;
    }

    private VisitDTO dto(VisitEntity v) {
        return new VisitDTO(v.id, v.unitId, directory.findUnit(v.unitId).map(UnitDTO::name).orElse("#" + v.unitId),
                v.memberId, directory.findMember(v.memberId).map(MemberDTO::name).orElse("#" + v.memberId), v.category,
                v.category.label(), v.plannedOn, v.doneOn, v.doneOn != null, v.visitors, v.gifts, v.giftValue, v.note);
    }
}
