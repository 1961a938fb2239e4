package cn.edu.cumt.union.core.internal.duty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.duty.DutyDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.UnitEntity;
import cn.edu.cumt.union.core.internal.security.UnitTree;

/**
 * Duties: union administrators grant and revoke them; {@link Duties} answers who holds one for a unit on a
 * day (a grant for a unit covers the units below it). Revoking keeps the row, so the list shows who held
 * what when. Bundles get the answers through {@link ScopedDuties}, which fences a unit's own plugin.
 */
@Component(service = DutyService.class)
public class DutyService implements Duties {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    static final int MAX_LABEL = 100;
    private static final String TARGET_TYPE = "Duty";
    private static final String HELD = " and d.revokedAt is null and d.from <= :day and (d.to is null or d.to >= :day)";

    private final JpaTemplate jpa;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public DutyService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference AccessControl access, @Reference AuditLog audit) {
        this(jpa, access, audit, Clock.systemUTC());
    }

    public DutyService(JpaTemplate jpa, AccessControl access, AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- granting (union administrators) ----

    public DutyDTO grant(UnionPrincipal caller, DutyGrantDTO input) {
        requireUnionAdmin(caller);
        DutyGrantDTO valid = validate(input);
        DutyDTO granted = jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity member = em.find(MemberEntity.class, valid.memberId());
            if (member == null) {
                throw ApiException.invalidField("memberId", "会员 " + valid.memberId() + " 不存在",
                        "unknown member " + valid.memberId());
            }
            UnitEntity unit = em.find(UnitEntity.class, valid.unitId());
            if (unit == null || unit.isRetired()) {
                throw ApiException.invalidField("unitId", "单位 " + valid.unitId() + " 不存在", "unknown unit " + valid.unitId());
            }
            var query = em.createQuery("select d from DutyEntity d where d.memberId = :member"
                    + " and d.code = :code and d.unitId = :unit and d.revokedAt is null"
                    + " and (d.to is null or d.to >= :from)" + (valid.to() == null ? "" : " and d.from <= :to"),
                    DutyEntity.class).setParameter("member", valid.memberId()).setParameter("code", valid.code())
                    .setParameter("unit", valid.unitId()).setParameter("from", valid.from());
            if (valid.to() != null) {
                query.setParameter("to", valid.to());
            }
            List<DutyEntity> overlapping = query.getResultList();
            if (!overlapping.isEmpty()) {
                throw ApiException.conflict("duty.duplicate", "该会员在此期间已担任该职务（#" + overlapping.get(0).toDTO().id() + "）",
                        "The member already holds this duty for this unit in an overlapping period (#"
                                + overlapping.get(0).toDTO().id() + ")");
            }
            DutyEntity duty = new DutyEntity(valid, caller.username(), clock.instant());
            em.persist(duty);
            em.flush();
            return duty.toDTO();
        });
        audit.record("duty.grant", TARGET_TYPE, String.valueOf(granted.id()), granted.code() + " " + granted.label()
                + " member " + granted.memberId() + " unit " + granted.unitId() + " " + granted.from() + ".."
                + (granted.to() == null ? "" : granted.to()));
        return granted;
    }

    public DutyDTO revoke(UnionPrincipal caller, long id) {
        requireUnionAdmin(caller);
        Instant now = clock.instant();
        DutyDTO revoked = jpa.txExpr(TransactionType.Required, em -> {
            DutyEntity duty = em.find(DutyEntity.class, id);
            if (duty == null) {
                throw notFound(id);
            }
            if (duty.isRevoked()) {
                throw ApiException.conflict("duty.already-revoked", "该职务已撤销", "The duty is already revoked");
            }
            duty.revoke(caller.username(), now);
            em.flush();
            return duty.toDTO();
        });
        audit.record("duty.revoke", TARGET_TYPE, String.valueOf(id), revoked.code() + " member " + revoked.memberId());
        return revoked;
    }

    /**
     * Union administrators (and operators) see every grant; unit administrators the grants for units they
     * manage; members their own. Filters are optional; newest first.
     */
    public PageDTO<DutyDTO> list(UnionPrincipal caller, String code, Long memberId, Long unitId, boolean includeRevoked,
            int offset, int limit) {
        Set<Long> scope = caller.hasRole(Roles.OPERATOR) ? null : access.manageableUnitIds(caller);
        boolean own = scope != null && scope.isEmpty();
        if (own && caller.memberId() == null) {
            return new PageDTO<>(List.of(), 0, offset, limit);
        }
        String where = " where 1 = 1" + (code == null ? "" : " and d.code = :code")
                + (memberId == null ? "" : " and d.memberId = :member") + (unitId == null ? "" : " and d.unitId = :unit")
                + (includeRevoked ? "" : " and d.revokedAt is null")
                + (own ? " and d.memberId = :self" : scope == null ? "" : " and d.unitId in :scope");
        return jpa.txExpr(TransactionType.Required, em -> {
            var rows = em.createQuery("select d from DutyEntity d" + where + " order by d.id desc", DutyEntity.class);
            var count = em.createQuery("select count(d) from DutyEntity d" + where, Long.class);
            for (var query : List.of(rows, count)) {
                if (code != null) {
                    query.setParameter("code", code);
                }
                if (memberId != null) {
                    query.setParameter("member", memberId);
                }
                if (unitId != null) {
                    query.setParameter("unit", unitId);
                }
                if (own) {
                    query.setParameter("self", caller.memberId());
                } else if (scope != null) {
                    query.setParameter("scope", scope);
                }
            }
            List<DutyDTO> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(DutyEntity::toDTO).toList();
            return new PageDTO<>(items, count.getSingleResult(), offset, limit);
        });
    }

    // ---- Duties ----

    @Override
    public boolean holds(long memberId, String dutyCode, long unitId, LocalDate date) {
        return !holding(dutyCode, memberId, unitId, date).isEmpty();
    }

    @Override
    public Set<Long> holders(String dutyCode, long unitId, LocalDate date) {
        Set<Long> members = new LinkedHashSet<>();
        holding(dutyCode, null, unitId, date).forEach(d -> members.add(d.memberId()));
        return members;
    }

    @Override
    public List<DutyDTO> heldBy(long memberId, LocalDate date) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("select d from DutyEntity d"
                + " where d.memberId = :member" + HELD + " order by d.id", DutyEntity.class)
                .setParameter("member", memberId).setParameter("day", date).getResultList().stream()
                .map(DutyEntity::toDTO).toList());
    }

    /** The grants of the code held on the day (by the member, when given) whose scope covers the unit. */
    private List<DutyDTO> holding(String dutyCode, Long memberId, long unitId, LocalDate date) {
        if (dutyCode == null || date == null) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            var query = em.createQuery("select d from DutyEntity d where d.code = :code"
                    + (memberId == null ? "" : " and d.memberId = :member") + HELD, DutyEntity.class)
                    .setParameter("code", dutyCode).setParameter("day", date);
            if (memberId != null) {
                query.setParameter("member", memberId);
            }
            List<DutyEntity> held = query.getResultList();
            if (held.isEmpty()) {
                return List.<DutyDTO>of();
            }
            UnitTree tree = tree(em);
            return held.stream().filter(d -> tree.withDescendants(List.of(d.getUnitId())).contains(unitId))
                    .map(DutyEntity::toDTO).toList();
        });
    }

    /** @return whether a grant for {@code grantUnitId} covers {@code unitId} (the same unit or one below it) */
    boolean covers(long grantUnitId, long unitId) {
        return jpa.txExpr(TransactionType.Required, em -> tree(em).withDescendants(List.of(grantUnitId)).contains(unitId));
    }

    private static UnitTree tree(EntityManager em) {
        return UnitTree.of(em.createQuery("select u.id, u.parentId from UnitEntity u", Object[].class).getResultList());
    }

    // ---- checks ----

    static DutyGrantDTO validate(DutyGrantDTO input) {
        if (input == null) {
            throw ApiException.missingField("(body)");
        }
        String code = input.code() == null ? null : input.code().trim();
        if (code == null || code.isEmpty()) {
            throw ApiException.missingField("code");
        }
        if (!CODE.matcher(code).matches()) {
            throw ApiException.invalidField("code", "应为 2–40 位小写字母、数字或连字符，以字母开头，如 reviewer",
                    "2 to 40 lower-case letters, digits or dashes, starting with a letter, e.g. reviewer");
        }
        String label = input.label() == null ? null : input.label().trim();
        if (label == null || label.isEmpty()) {
            throw ApiException.missingField("label");
        }
        if (label.length() > MAX_LABEL) {
            throw ApiException.invalidField("label", "最多 " + MAX_LABEL + " 个字符", "at most " + MAX_LABEL + " characters");
        }
        if (input.memberId() == null) {
            throw ApiException.missingField("memberId");
        }
        if (input.unitId() == null) {
            throw ApiException.missingField("unitId");
        }
        if (input.from() == null) {
            throw ApiException.missingField("from");
        }
        if (input.to() != null && input.to().isBefore(input.from())) {
            throw ApiException.invalidField("to", "结束日期不能早于开始日期", "must not be before from");
        }
        return new DutyGrantDTO(code, label, input.memberId(), input.unitId(), input.from(), input.to());
    }

    private static void requireUnionAdmin(UnionPrincipal caller) {
        if (!caller.hasRole(Roles.UNION_ADMIN)) {
            throw ApiException.forbidden("duty.union-admin-only", "仅校工会管理员可以授予或撤销职务",
                    "Only union administrators grant or revoke duties");
        }
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("duty.not-found", "职务记录 " + id + " 不存在", "Duty " + id + " not found");
    }
}
