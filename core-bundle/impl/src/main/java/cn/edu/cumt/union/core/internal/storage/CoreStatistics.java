package cn.edu.cumt.union.core.internal.storage;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.storage.SchemaReady;

/** Row counts of the core's records, for the console and for health checks by central IT. */
@Component(service = CoreStatistics.class)
public class CoreStatistics {

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();
    static {
        QUERIES.put("units 单位", "select count(u) from UnitEntity u where u.retired = :no");
        QUERIES.put("members 会员", "select count(m) from MemberEntity m");
        QUERIES.put("active members 在册会员",
                "select count(m) from MemberEntity m where m.status = cn.edu.cumt.union.api.directory.MemberStatus.ACTIVE");
        QUERIES.put("accounts 账号", "select count(a) from AccountEntity a");
        QUERIES.put("open sessions 会话",
                "select count(s) from SessionEntity s where s.revoked = :no and s.expiresAt > CURRENT_TIMESTAMP");
        QUERIES.put("audit entries 审计记录", "select count(a) from AuditEntity a");
    }

    private final JpaTemplate jpa;

    @Activate
    public CoreStatistics(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema) {
        this.jpa = jpa;
    }

    /** @return label to count, in a stable order */
    public Map<String, Long> counts() {
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            QUERIES.forEach((label, query) -> {
                var typed = em.createQuery(query, Long.class);
                if (query.contains(":no")) {
                    // EclipseLink prints boolean literals as 0/1, which Derby's BOOLEAN rejects: bind them.
                    typed.setParameter("no", false);
                }
                counts.put(label, typed.getSingleResult());
            });
            return counts;
        });
    }
}
