package cn.edu.cumt.union.core.internal.org;

import java.util.List;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

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
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.config.LiveConfig;
import cn.edu.cumt.union.api.security.UnitScope;

/**
 * The organisation tree: 校工会 (root) → 二级单位工会 → 工会小组. Units are retired, never deleted. A
 * unit can be retired only when no active member belongs to it or to a unit below it and all its
 * sub-units are retired first, so that no member is left in a unit nobody sees. The root's settings
 * ({@code etc/cn.edu.cumt.union.org.cfg}) apply in place: they name the root created in an empty tree.
 */
@Component(service = OrganisationService.class, configurationPid = OrganisationService.PID)
@Designate(ocd = OrganisationService.Config.class)
public class OrganisationService {

    static final String PID = "cn.edu.cumt.union.org";

    @ObjectClassDefinition(name = "Union organisation", description = "The root of the organisation tree")
    public @interface Config {
        @AttributeDefinition(description = "Code of the university union, created when the tree is empty")
        String root_code() default "CUMT";

        @AttributeDefinition(description = "Chinese name of the university union")
        String root_name() default "中国矿业大学工会";

        @AttributeDefinition(description = "English name of the university union")
        String root_name_en() default "CUMT Staff Union";
    }

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationService.class);
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final int NAME_MAX = 200;

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private volatile Root root;

    /** The root the settings describe, swapped whole on a configuration change. */
    record Root(String code, String name, String nameEn) {

        Root {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("root.code must be 1 to 32 letters, digits, '-' or '_' (is '" + code + "')");
            }
            LiveConfig.required("root.name", name);
            if (name.length() > NAME_MAX || (nameEn != null && nameEn.length() > NAME_MAX)) {
                throw new IllegalArgumentException("root.name and root.name.en may have at most " + NAME_MAX + " characters");
            }
        }

        static Root of(Config config) {
            return new Root(config.root_code() == null ? null : config.root_code().strip(),
                    config.root_name() == null ? null : config.root_name().strip(), blankToNull(config.root_name_en()));
        }
    }

    @Activate
    public OrganisationService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference AuditLog audit, Config config) {
        this(jpa, audit);
        root = LiveConfig.initial(LOG, PID, () -> Root.of(config), () -> Root.of(LiveConfig.defaults(Config.class)));
        ensureRoot();
    }

    /** A change of etc/cn.edu.cumt.union.org.cfg: no restart; an existing root is renamed through the API, not here. */
    @Modified
    void modified(Config config) {
        root = LiveConfig.changed(LOG, PID, root, () -> Root.of(config));
        ensureRoot();
    }

    Root root() {
        return root;
    }

    private void ensureRoot() {
        Root wanted = root;
        ensureRoot(wanted.code(), wanted.name(), wanted.nameEn());
    }

    public OrganisationService(JpaTemplate jpa, AuditLog audit) {
        this.jpa = jpa;
        this.audit = audit;
    }

    /** Creates the university union when the tree is empty; does nothing otherwise. */
    public void ensureRoot(String code, String name, String nameEn) {
        UnitDTO root = jpa.txExpr(TransactionType.Required, em -> {
            Long units = em.createQuery("select count(u) from UnitEntity u", Long.class).getSingleResult();
            if (units > 0) {
                return null;
            }
            UnitEntity entity = new UnitEntity(code, name, blankToNull(nameEn), UnitKind.UNIVERSITY, null);
            em.persist(entity);
            em.flush();
            return entity.toDTO();
        });
        if (root != null) {
            LOG.info("Created the organisation root {} {}", root.code(), root.name());
            audit.record("unit.create", "Unit", String.valueOf(root.id()), "root " + root.code() + " " + root.name());
        }
    }

    public UnitTree tree() {
        return jpa.txExpr(TransactionType.Required, UnitTree::load);
    }

    /** @return the units, parents before children; retired ones only when asked */
    public List<UnitDTO> list(boolean includeRetired) {
        return tree().ordered().stream().filter(u -> includeRetired || !u.retired()).toList();
    }

    public UnitDTO get(long id) {
        return tree().find(id).orElseThrow(OrganisationService::notFound);
    }

    /** Creates a unit; a scope that is not "all" may only create groups inside units it covers. */
    public UnitDTO create(UnitScope scope, UnitRequestDTO request) {
        if (request == null) {
            throw ApiException.badRequest("request.body-missing", "缺少请求内容", "Missing request body");
        }
        String code = required("code", request.code());
        if (!CODE.matcher(code).matches()) {
            throw ApiException.invalidField("code", "只能包含字母、数字、- 和 _，长度 1-32",
                    "letters, digits, '-' and '_' only, 1 to 32 characters");
        }
        String name = name("name", request.name(), true);
        String nameEn = name("nameEn", request.nameEn(), false);
        if (request.parentId() == null) {
            throw ApiException.missingField("parentId");
        }
        UnitDTO created = jpa.txExpr(TransactionType.Required, em -> {
            UnitTree tree = UnitTree.load(em);
            UnitDTO parent = tree.find(request.parentId()).filter(p -> scope.covers(p.id()))
                    .orElseThrow(() -> ApiException.notFound("unit.parent-not-found", "上级单位不存在",
                            "The parent unit does not exist"));
            if (parent.retired()) {
                throw ApiException.conflict("unit.parent-retired", "上级单位已撤销", "The parent unit is retired");
            }
            UnitKind kind = childKind(parent.kind());
            if (kind == null) {
                throw ApiException.badRequest("unit.kind-mismatch", "工会小组下不能再建立单位",
                        "Nothing can be created under a union group");
            }
            if (request.kind() != null && request.kind() != kind) {
                throw ApiException.badRequest("unit.kind-mismatch", levelZh(parent.kind()) + "下只能建立" + nameZh(kind),
                        "Under a " + parent.kind() + " only a " + kind + " can be created");
            }
            if (!scope.isAll() && kind != UnitKind.GROUP) {
                throw ApiException.forbidden("unit.forbidden", "二级单位管理员只能建立工会小组",
                        "Unit administrators may only create union groups");
            }
            if (tree.findByCode(code).isPresent()) {
                throw ApiException.conflict("unit.code-taken", "单位代码已被使用：" + code, "Unit code already used: " + code);
            }
            UnitEntity entity = new UnitEntity(code, name, nameEn, kind, parent.id());
            em.persist(entity);
            em.flush();
            return entity.toDTO();
        });
        audit.record("unit.create", "Unit", String.valueOf(created.id()),
                created.kind() + " " + created.code() + " " + created.name() + " under " + created.parentId());
        return created;
    }

    /** Renames a unit; a scope that is not "all" may only rename groups it covers. */
    public UnitDTO rename(UnitScope scope, long id, UnitRenameDTO request) {
        if (request == null) {
            throw ApiException.badRequest("request.body-missing", "缺少请求内容", "Missing request body");
        }
        String name = name("name", request.name(), true);
        String nameEn = name("nameEn", request.nameEn(), false);
        String[] before = new String[1];
        UnitDTO renamed = jpa.txExpr(TransactionType.Required, em -> {
            UnitEntity entity = entity(em, id);
            if (!scope.covers(id)) {
                throw notFound();
            }
            if (!scope.isAll() && entity.getKind() != UnitKind.GROUP) {
                throw ApiException.forbidden("unit.forbidden", "二级单位管理员只能修改工会小组",
                        "Unit administrators may only rename union groups");
            }
            before[0] = entity.getName();
            entity.setName(name);
            entity.setNameEn(nameEn);
            return entity.toDTO();
        });
        audit.record("unit.rename", "Unit", String.valueOf(id), before[0] + " -> " + name);
        return renamed;
    }

    /** Moves a unit under another parent of the right level; never creates a cycle. */
    public UnitDTO move(long id, Long parentId) {
        if (parentId == null) {
            throw ApiException.missingField("parentId");
        }
        long[] from = new long[1];
        UnitDTO moved = jpa.txExpr(TransactionType.Required, em -> {
            UnitTree tree = UnitTree.load(em);
            UnitEntity entity = entity(em, id);
            if (entity.getKind() == UnitKind.UNIVERSITY) {
                throw ApiException.badRequest("unit.root-fixed", "校工会不能移动", "The university union cannot be moved");
            }
            UnitDTO parent = tree.find(parentId).orElseThrow(() -> ApiException.notFound("unit.parent-not-found",
                    "上级单位不存在", "The parent unit does not exist"));
            if (tree.isSelfOrAncestor(id, parentId)) {
                throw ApiException.badRequest("unit.move-cycle", "不能移动到自身或其下级单位之下",
                        "A unit cannot be moved under itself or its own sub-units");
            }
            if (parent.retired()) {
                throw ApiException.conflict("unit.parent-retired", "上级单位已撤销", "The parent unit is retired");
            }
            if (childKind(parent.kind()) != entity.getKind()) {
                throw ApiException.badRequest("unit.kind-mismatch",
                        nameZh(entity.getKind()) + "不能放在" + levelZh(parent.kind()) + "下",
                        "A " + entity.getKind() + " cannot be placed under a " + parent.kind());
            }
            from[0] = entity.getParentId();
            entity.setParentId(parentId);
            if (entity.getKind() == UnitKind.GROUP) {
                // Members of a moved group follow it to its new unit, so group and unit stay consistent.
                em.createQuery("update MemberEntity m set m.unitId = :unit where m.groupId = :group")
                        .setParameter("unit", parentId).setParameter("group", id).executeUpdate();
            }
            return entity.toDTO();
        });
        audit.record("unit.move", "Unit", String.valueOf(id), "parent " + from[0] + " -> " + parentId);
        return moved;
    }

    /** Retires a unit: refused while active members or non-retired sub-units remain (409). */
    public UnitDTO retire(long id) {
        UnitDTO retired = jpa.txExpr(TransactionType.Required, em -> {
            UnitTree tree = UnitTree.load(em);
            UnitEntity entity = entity(em, id);
            if (entity.getKind() == UnitKind.UNIVERSITY) {
                throw ApiException.badRequest("unit.root-fixed", "校工会不能撤销", "The university union cannot be retired");
            }
            if (entity.isRetired()) {
                return entity.toDTO();
            }
            if (tree.children(id).stream().anyMatch(child -> !child.retired())) {
                throw ApiException.conflict("unit.has-sub-units", "请先撤销其下属的工会小组",
                        "Retire its union groups first");
            }
            Long active = em.createQuery("select count(m) from MemberEntity m where (m.unitId = :id or m.groupId = :id)"
                    + " and m.status = :active", Long.class).setParameter("id", id)
                    .setParameter("active", MemberStatus.ACTIVE).getSingleResult();
            if (active > 0) {
                throw ApiException.conflict("unit.has-members", "该单位仍有 " + active + " 名在职会员，请先转出",
                        "The unit still has " + active + " active members; transfer them first");
            }
            entity.setRetired(true);
            return entity.toDTO();
        });
        audit.record("unit.retire", "Unit", String.valueOf(id), retired.code() + " " + retired.name());
        return retired;
    }

    private static UnitEntity entity(EntityManager em, long id) {
        UnitEntity entity = em.find(UnitEntity.class, id);
        if (entity == null) {
            throw notFound();
        }
        return entity;
    }

    static ApiException notFound() {
        return ApiException.notFound("unit.not-found", "单位不存在", "Unit not found");
    }

    /** @return the only kind that may sit below a unit of the given kind, {@code null} below a group */
    static UnitKind childKind(UnitKind parent) {
        return switch (parent) {
        case UNIVERSITY -> UnitKind.UNIT;
        case UNIT -> UnitKind.GROUP;
        case GROUP -> null;
        };
    }

    private static String levelZh(UnitKind kind) {
        return nameZh(kind);
    }

    private static String nameZh(UnitKind kind) {
        return switch (kind) {
        case UNIVERSITY -> "校工会";
        case UNIT -> "二级单位工会";
        case GROUP -> "工会小组";
        };
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.missingField(field);
        }
        return value.trim();
    }

    private static String name(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.missingField(field);
            }
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > NAME_MAX) {
            throw ApiException.invalidField(field, "不能超过 " + NAME_MAX + " 个字符", "at most " + NAME_MAX + " characters");
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
