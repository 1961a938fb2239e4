package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Clock;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.attachment.Attachments;
import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * The plugin's logic: activities of unit MINING. Everyone signed in may read them; only those
 * who manage the unit may add or remove one. The data lives in the plugin's own database.
 */
@Component(service = ActivityService.class)
public class ActivityService {

    /** The unit that owns this plugin (the manifest's Union-Plugin-Unit). */
    static final String OWNER_UNIT = "MINING";
    /** The record type of an activity's files: {@code /api/attachments/familyday/activity/<id>}. */
    static final String ATTACHMENT_TYPE = "activity";

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Attachments attachments;
    private final Clock clock;

    @Activate
    public ActivityService(@Reference(target = "(osgi.unit.name=union-familyday)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=familyday)") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit,
            @Reference Attachments attachments) {
        this(jpa, directory, access, audit, attachments, Clock.systemUTC());
    }

    ActivityService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Attachments attachments,
            Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.attachments = attachments;
        this.clock = clock;
    }

    public List<ActivityDTO> list() {
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("SELECT a FROM ActivityEntity a ORDER BY a.startsAt DESC, a.id DESC", ActivityEntity.class)
                .setMaxResults(500).getResultList().stream().map(ActivityEntity::toDTO).toList());
    }

    public ActivityDTO get(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity found = em.find(ActivityEntity.class, id);
            if (found == null) {
                throw notFound(id);
            }
            return found.toDTO();
        });
    }

    public ActivityDTO create(UnionPrincipal caller, ActivityInputDTO input) {
        requireManager(caller);
        if (input == null) {
            throw ApiException.badRequest("familyday.body-missing", "请求体为空", "The request has no body");
        }
        String title = text("title", input.title(), 200, true);
        String description = text("description", input.description(), 2000, false);
        String place = text("place", input.place(), 200, false);
        if (input.startsAt() == null) {
            throw ApiException.missingField("startsAt");
        }
        ActivityDTO created = jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity entity = new ActivityEntity(title, description, input.startsAt(), place, caller.username(), clock.instant());
            em.persist(entity);
            em.flush();
            return entity.toDTO();
        });
        audit.record("familyday.activity.create", "Activity", Long.toString(created.id()), title);
        return created;
    }

    public void delete(UnionPrincipal caller, long id) {
        requireManager(caller);
        jpa.tx(TransactionType.Required, em -> {
            ActivityEntity found = em.find(ActivityEntity.class, id);
            if (found == null) {
                throw notFound(id);
            }
            em.remove(found);
            // its files (programme, posters) go with it, once this commits
            attachments.removeAll(ATTACHMENT_TYPE, Long.toString(id));
        });
        audit.record("familyday.activity.delete", "Activity", Long.toString(id), null);
    }

    /** Whether the activity exists and the caller may see it: the unit's members (the directory shows only them) and its managers. */
    boolean maySee(UnionPrincipal caller, long id) {
        boolean exists = jpa.txExpr(TransactionType.Required, em -> em.find(ActivityEntity.class, id) != null);
        return exists && (mayManage(caller) || (caller.memberId() != null && directory.findMember(caller.memberId()).isPresent()));
    }

    /** Whether the caller manages the owning unit. */
    boolean mayManage(UnionPrincipal caller) {
        return directory.findUnitByCode(OWNER_UNIT).map(unit -> access.canManageUnit(caller, unit.id())).orElse(false);
    }

    /** Only those who manage the owning unit change its activities (404 for others, like the core). */
    void requireManager(UnionPrincipal caller) {
        UnitDTO unit = directory.findUnitByCode(OWNER_UNIT)
                .orElseThrow(() -> ApiException.notFound("familyday.unit-missing", "本插件的所属单位不存在", "The plugin's unit does not exist"));
        access.requireManageUnit(caller, unit.id());
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.missingField(field);
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw ApiException.invalidField(field, "不能超过 " + max + " 个字符", "must be at most " + max + " characters");
        }
        return trimmed;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("familyday.activity.not-found", "活动不存在：" + id, "No such activity: " + id);
    }
}
