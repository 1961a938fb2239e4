package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Clock;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.notify.Notice;
import cn.edu.cumt.union.api.notify.Notifications;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * Sign-ups for family days: a member of the unit signs up (once per activity, changeable), and the
 * unit's administrators see the list and the head count. Members of other units cannot sign up:
 * the platform's directory shows this plugin only its own unit's members. A first sign-up tells the
 * member in their inbox (sent by the platform once the sign-up is committed).
 */
@Component(service = SignupService.class)
public class SignupService {

    /** Family members one member may bring, per kind. */
    static final int MAX_COMPANIONS = 6;

    private final JpaTemplate jpa;
    private final ActivityService activities;
    private final Directory directory;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;

    @Activate
    public SignupService(@Reference(target = "(osgi.unit.name=union-familyday)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=familyday)") SchemaReady schema,
            @Reference ActivityService activities, @Reference Directory directory, @Reference AuditLog audit,
            @Reference Notifications notifications) {
        this(jpa, activities, directory, audit, notifications, Clock.systemUTC());
    }

    SignupService(JpaTemplate jpa, ActivityService activities, Directory directory, AuditLog audit,
            Notifications notifications, Clock clock) {
        this.jpa = jpa;
        this.activities = activities;
        this.directory = directory;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    public SignupDTO signUp(UnionPrincipal caller, long activityId, SignupInputDTO input) {
        MemberDTO member = unitMember(caller);
        ActivityDTO activity = activities.get(activityId);
        if (!activity.startsAt().isAfter(clock.instant())) {
            throw ApiException.conflict("familyday.signup.closed", "活动已开始，报名已截止", "The activity has started: sign-up is closed");
        }
        int adults = count("adults", input == null ? null : input.adults());
        int children = count("children", input == null ? null : input.children());
        SignupDTO saved = jpa.txExpr(TransactionType.Required, em -> {
            List<SignupEntity> existing = mine(em, activityId, member.id());
            if (existing.isEmpty()) {
                SignupEntity signup = new SignupEntity(activityId, member.id(), member.name(), adults, children, clock.instant());
                em.persist(signup);
                notifications.toMembers(List.of(member.id()), Notice.of("家庭日报名成功 · Signed up for the family day",
                        activity.title(), "/familyday/activities/" + activityId));
                return signup.toDTO();
            }
            existing.get(0).change(adults, children);
            return existing.get(0).toDTO();
        });
        audit.record("familyday.signup", "Activity", Long.toString(activityId), "adults " + adults + ", children " + children);
        return saved;
    }

    public void cancel(UnionPrincipal caller, long activityId) {
        MemberDTO member = unitMember(caller);
        boolean removed = jpa.txExpr(TransactionType.Required, em -> {
            List<SignupEntity> existing = mine(em, activityId, member.id());
            existing.forEach(em::remove);
            return !existing.isEmpty();
        });
        if (!removed) {
            throw ApiException.notFound("familyday.signup.not-found", "您尚未报名该活动", "You have not signed up for this activity");
        }
        audit.record("familyday.signup.cancel", "Activity", Long.toString(activityId), null);
    }

    /** The sign-ups of one activity, for those who manage the unit. */
    public List<SignupDTO> list(UnionPrincipal caller, long activityId) {
        activities.requireManager(caller);
        activities.get(activityId);
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("SELECT s FROM SignupEntity s WHERE s.activityId = :activity ORDER BY s.createdAt, s.id", SignupEntity.class)
                .setParameter("activity", activityId).getResultList().stream().map(SignupEntity::toDTO).toList());
    }

    private static List<SignupEntity> mine(javax.persistence.EntityManager em, long activityId, long memberId) {
        return em.createQuery("SELECT s FROM SignupEntity s WHERE s.activityId = :activity AND s.memberId = :member", SignupEntity.class)
                .setParameter("activity", activityId).setParameter("member", memberId).getResultList();
    }

    /** The caller as a member of this plugin's unit; the directory hides everyone else. */
    private MemberDTO unitMember(UnionPrincipal caller) {
        if (caller.memberId() == null) {
            throw ApiException.forbidden("familyday.not-a-member", "只有会员可以报名", "Only members sign up");
        }
        return directory.findMember(caller.memberId()).orElseThrow(() -> ApiException.forbidden("familyday.other-unit",
                "只有本单位会员可以报名家庭日", "Only members of the unit sign up for its family day"));
    }

    private static int count(String field, Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > MAX_COMPANIONS) {
            throw ApiException.invalidField(field, "应为 0 到 " + MAX_COMPANIONS, "must be 0 to " + MAX_COMPANIONS);
        }
        return value;
    }
}
