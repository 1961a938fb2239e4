package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Clock;
import java.time.Instant;

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
import cn.edu.cumt.union.api.rest.Fields;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * The plugin's logic: activities of unit MINING. Everyone signed in may read them; only those
 * who manage the unit may add or remove one. The data lives in the plugin's own database.
 */
@Component(service = ActivityService.class)
public class ActivityService {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_PLACE = 200;
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

    public PageDTO<ActivityDTO> list(int offset, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> new PageDTO<>(em
                .createQuery("select a from ActivityEntity a order by a.startsAt desc, a.id desc", ActivityEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(ActivityEntity::toDTO).toList(),
                em.createQuery("select count(a) from ActivityEntity a", Long.class).getSingleResult(), offset, limit));
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

    public ActivityDTO create(UnionPrincipal caller, ActivityEditDTO input) {
        requireManager(caller);
        Fields.body(input);
        String title = Fields.text("title", input.title(), MAX_TITLE, true);
        String description = Fields.text("description", input.description(), MAX_DESCRIPTION, false);
        String place = Fields.text("place", input.place(), MAX_PLACE, false);
        Instant startsAt = Fields.time("startsAt", input.startsAt());
        ActivityDTO created = jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity entity = new ActivityEntity(title, description, startsAt, place, caller.username(), clock.instant());
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
        return directory.ownUnit().map(unit -> access.canManageUnit(caller, unit.id())).orElse(false);
    }

    /** Only those who manage the owning unit change its activities (404 for others, like the core). */
    void requireManager(UnionPrincipal caller) {
        UnitDTO unit = directory.ownUnit()
                .orElseThrow(() -> ApiException.notFound("familyday.unit-missing", "本插件的所属单位不存在", "The plugin's unit does not exist"));
        access.requireManageUnit(caller, unit.id());
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("familyday.activity.not-found", "活动不存在：" + id, "No such activity: " + id);
    }
}
