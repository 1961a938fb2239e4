package ${package};

import java.time.Clock;
import java.time.Instant;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

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
 * The plugin's logic: activities of its unit. Everyone signed in may read them; only those who
 * manage the unit may add or remove one. The data lives in the plugin's own database.
 */
@Component(service = ActivityService.class)
public class ActivityService {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_PLACE = 200;

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public ActivityService(@Reference(target = "(osgi.unit.name=union-${pluginId})") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=${pluginId})") SchemaReady schema,
            @Reference Directory directory, @Reference AccessControl access, @Reference AuditLog audit) {
        this(jpa, directory, access, audit, Clock.systemUTC());
    }

    ActivityService(JpaTemplate jpa, Directory directory, AccessControl access, AuditLog audit, Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Latest first. */
    public PageDTO<ActivityDTO> list(int offset, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> new PageDTO<>(em
                .createQuery("select a from ActivityEntity a order by a.startsAt desc, a.id desc", ActivityEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(ActivityEntity::toDTO).toList(),
                em.createQuery("select count(a) from ActivityEntity a", Long.class).getSingleResult(), offset, limit));
    }

    public ActivityDTO get(long id) {
        return jpa.txExpr(TransactionType.Required, em -> find(em, id).toDTO());
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
        audit.record("${pluginId}.activity.create", "Activity", Long.toString(created.id()), title);
        return created;
    }

    public void delete(UnionPrincipal caller, long id) {
        requireManager(caller);
        jpa.tx(TransactionType.Required, em -> em.remove(find(em, id)));
        audit.record("${pluginId}.activity.delete", "Activity", Long.toString(id), null);
    }

    /** Only those who manage the plugin's unit change its activities (404 for others, like the core). */
    private void requireManager(UnionPrincipal caller) {
        UnitDTO unit = directory.ownUnit().orElseThrow(() -> ApiException.notFound("${pluginId}.unit-missing",
                "本插件的所属单位不存在", "The plugin's unit does not exist"));
        access.requireManageUnit(caller, unit.id());
    }

    private static ActivityEntity find(EntityManager em, long id) {
        ActivityEntity found = em.find(ActivityEntity.class, id);
        if (found == null) {
            throw ApiException.notFound("${pluginId}.activity.not-found", "活动不存在：" + id, "No such activity: " + id);
        }
        return found;
    }
}
