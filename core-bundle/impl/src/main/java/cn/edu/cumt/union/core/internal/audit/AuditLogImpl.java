package cn.edu.cumt.union.core.internal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.audit.AuditEntryDTO;
import cn.edu.cumt.union.api.audit.AuditEvents;
import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.storage.LikePrefix;

/**
 * Writes audit lines in their own transaction, so a denied or failed action is recorded too. Bundles get
 * it as {@link AuditLog} through {@link PluginAuditLog}, which keeps each plugin to its own actions.
 */
@Component(service = AuditLogImpl.class)
public class AuditLogImpl implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogImpl.class);

    private final JpaTemplate jpa;

    /** Optional: without Event Admin the log is written all the same, only nobody counts it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public AuditLogImpl(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public void record(String action, String targetType, String targetId, String detail) {
        write(action, targetType, targetId, "ok", detail);
    }

    @Override
    public void denied(String action, String targetType, String targetId, String detail) {
        write(action, targetType, targetId, "denied", detail);
    }

    /** Records a failed attempt, e.g. a wrong password. */
    public void failed(String action, String targetType, String targetId, String detail) {
        write(action, targetType, targetId, "failed", detail);
    }

    private void write(String action, String targetType, String targetId, String outcome, String detail) {
        RequestContext context = RequestContext.current();
        AuditEntity entry = new AuditEntity(Instant.now(), context.actor(), context.source(), action, targetType,
                targetId, outcome, detail);
        jpa.tx(TransactionType.Required, em -> em.persist(entry));
        LOG.debug("audit {} {} {} {}", context.actor(), action, targetType, targetId);
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(AuditEvents.TOPIC, Map.of(AuditEvents.ACTION, action, AuditEvents.OUTCOME, outcome)));
        }
    }

    /** Newest first; every filter is optional. */
    public PageDTO<AuditEntryDTO> search(AuditQuery query, int offset, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            List<Object[]> parameters = new ArrayList<>();
            if (query.actor() != null) {
                where.append(" and a.actor = :actor");
                parameters.add(new Object[] { "actor", query.actor() });
            }
            if (query.actionPrefix() != null) {
                where.append(" and a.action like :action" + LikePrefix.ESCAPE);
                parameters.add(new Object[] { "action", LikePrefix.of(query.actionPrefix()) });
            }
            if (query.targetType() != null) {
                where.append(" and a.targetType = :targetType");
                parameters.add(new Object[] { "targetType", query.targetType() });
            }
            if (query.targetId() != null) {
                where.append(" and a.targetId = :targetId");
                parameters.add(new Object[] { "targetId", query.targetId() });
            }
            if (query.outcome() != null) {
                where.append(" and a.outcome = :outcome");
                parameters.add(new Object[] { "outcome", query.outcome() });
            }
            if (query.from() != null) {
                where.append(" and a.at >= :from");
                parameters.add(new Object[] { "from", query.from() });
            }
            if (query.to() != null) {
                where.append(" and a.at < :to");
                parameters.add(new Object[] { "to", query.to() });
            }
            TypedQuery<Long> count = em.createQuery("select count(a) from AuditEntity a" + where, Long.class);
            TypedQuery<AuditEntity> page = em.createQuery(
                    "select a from AuditEntity a" + where + " order by a.id desc", AuditEntity.class);
            for (Object[] parameter : parameters) {
                count.setParameter((String) parameter[0], parameter[1]);
                page.setParameter((String) parameter[0], parameter[1]);
            }
            List<AuditEntryDTO> items = page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(AuditEntity::toDTO).toList();
            return new PageDTO<>(items, count.getSingleResult(), offset, limit);
        });
    }

    /** Filters of {@link #search}; {@code null} means "any". */
    public record AuditQuery(String actor, String actionPrefix, String targetType, String targetId, String outcome,
            Instant from, Instant to) {
    }
}
