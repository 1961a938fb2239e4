package cn.edu.cumt.union.core.internal.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.notify.NotificationDTO;
import cn.edu.cumt.union.api.notify.Notice;
import cn.edu.cumt.union.api.notify.Recipient;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.auth.AccountEntity;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.UnitTree;

/**
 * The inbox: who may be told (within a unit plugin's units), writing each notice to its recipients
 * and handing it to the channels, and each caller's own list, unread count and marking read.
 */
@Component(service = NotificationStore.class)
public class NotificationStore {

    private final JpaTemplate jpa;
    private final Dispatcher dispatcher;
    private final Clock clock;

    @Activate
    public NotificationStore(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference Dispatcher dispatcher) {
        this(jpa, dispatcher, Clock.systemUTC());
    }

    NotificationStore(JpaTemplate jpa, Dispatcher dispatcher, Clock clock) {
        this.jpa = jpa;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * The members with these ids, all within {@code ownerUnit}'s units when it is set.
     *
     * @throws ApiException 400 {@code notify.recipient-unknown} when any id is unknown or out of reach
     */
    public List<Recipient> members(Collection<Long> memberIds, String ownerUnit) {
        Set<Long> ids = new LinkedHashSet<>(memberIds);
        if (ids.contains(null)) {
            throw unknownRecipient();
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<Long> reach = reach(em, ownerUnit);
            List<MemberEntity> found = em.createQuery("select m from MemberEntity m where m.id in :ids", MemberEntity.class)
                    .setParameter("ids", ids).getResultList();
            if (found.size() != ids.size() || found.stream().anyMatch(m -> reach != null && !reach.contains(m.getUnitId()))) {
                throw unknownRecipient();
            }
            List<Recipient> recipients = new ArrayList<>();
            for (MemberEntity member : found) {
                recipients.add(new Recipient(member.getId(), null, member.getName(), member.getEmail()));
            }
            return recipients;
        });
    }

    /** The account, as a recipient; a unit plugin reaches only accounts of members of its units. */
    public Recipient account(long accountId, String ownerUnit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = em.find(AccountEntity.class, accountId);
            if (account == null) {
                throw unknownRecipient();
            }
            MemberEntity member = account.getMemberId() == null ? null : em.find(MemberEntity.class, account.getMemberId());
            Set<Long> reach = reach(em, ownerUnit);
            if (reach != null && (member == null || !reach.contains(member.getUnitId()))) {
                throw unknownRecipient();
            }
            return member == null ? new Recipient(null, accountId, account.getUsername(), null)
                    : new Recipient(member.getId(), accountId, member.getName(), member.getEmail());
        });
    }

    /** The accounts granted {@code unit-admin} on the unit or on a unit above it. */
    public List<Recipient> unitAdmins(long unitId, String ownerUnit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            UnitTree tree = UnitTree.load(em);
            Set<Long> reach = reach(em, ownerUnit);
            if (tree.find(unitId).isEmpty() || (reach != null && !reach.contains(unitId))) {
                throw unknownRecipient();
            }
            List<Object[]> grants = em.createQuery("select g.accountId, g.unitId from RoleGrantEntity g where g.role = :role",
                    Object[].class).setParameter("role", Roles.UNIT_ADMIN).getResultList();
            List<Recipient> recipients = new ArrayList<>();
            Set<Long> seen = new LinkedHashSet<>();
            for (Object[] grant : grants) {
                long accountId = (Long) grant[0];
                Long grantedOn = (Long) grant[1];
                if (grantedOn != null && tree.isSelfOrAncestor(grantedOn, unitId) && seen.add(accountId)) {
                    AccountEntity account = em.find(AccountEntity.class, accountId);
                    MemberEntity member = account == null || account.getMemberId() == null ? null
                            : em.find(MemberEntity.class, account.getMemberId());
                    if (account != null) {
                        recipients.add(member == null ? new Recipient(null, accountId, account.getUsername(), null)
                                : new Recipient(member.getId(), accountId, member.getName(), member.getEmail()));
                    }
                }
            }
            return recipients;
        });
    }

    /** The unit ids a unit plugin reaches, {@code null} for the union's own plugins and the core (all). */
    private static Set<Long> reach(EntityManager em, String ownerUnit) {
        if (ownerUnit == null) {
            return null;
        }
        UnitTree tree = UnitTree.load(em);
        return tree.findByCode(ownerUnit).map(u -> tree.withDescendants(u.id())).orElse(Set.of());
    }

    private static ApiException unknownRecipient() {
        return ApiException.badRequest("notify.recipient-unknown", "通知的接收人不存在或不在本插件的范围内",
                "A recipient of the notice does not exist or is out of this plugin's reach");
    }

    /** Writes the notice into each recipient's inbox (one transaction), then hands it to the channels. */
    public void write(String source, Notice notice, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        List<NotificationEntity> written = jpa.txExpr(TransactionType.Required, em -> {
            List<NotificationEntity> rows = new ArrayList<>();
            for (Recipient recipient : recipients) {
                // a member's notice follows the member (their account may come later); an operator's the account
                NotificationEntity row = new NotificationEntity(recipient.memberId(),
                        recipient.memberId() == null ? recipient.accountId() : null, source, notice.shownTitle(),
                        notice.shownBody(), notice.link(), clock.instant());
                em.persist(row);
                rows.add(row);
            }
            em.flush();
            return rows;
        });
        for (int i = 0; i < written.size(); i++) {
            dispatcher.dispatch(written.get(i).toDTO(), recipients.get(i));
        }
    }

    public PageDTO<NotificationDTO> inbox(UnionPrincipal caller, boolean unreadOnly, int offset, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            String where = owner(caller) + (unreadOnly ? " and n.readAt is null" : "");
            long total = bind(em.createQuery("select count(n) from NotificationEntity n where " + where, Long.class), caller)
                    .getSingleResult();
            List<NotificationDTO> items = bind(em.createQuery("select n from NotificationEntity n where " + where
                    + " order by n.createdAt desc, n.id desc", NotificationEntity.class), caller)
                    .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(NotificationEntity::toDTO)
                    .toList();
            return new PageDTO<>(items, total, offset, limit);
        });
    }

    public long unread(UnionPrincipal caller) {
        return jpa.txExpr(TransactionType.Required, em -> bind(em.createQuery(
                "select count(n) from NotificationEntity n where " + owner(caller) + " and n.readAt is null", Long.class),
                caller).getSingleResult());
    }

    /** @throws ApiException 404 unless the notice is the caller's own */
    public NotificationDTO markRead(UnionPrincipal caller, long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            NotificationEntity row = em.find(NotificationEntity.class, id);
            if (row == null || !owns(caller, row)) {
                throw ApiException.notFound("notify.not-found", "通知不存在", "No such notification");
            }
            row.markRead(clock.instant());
            return row.toDTO();
        });
    }

    /** @return how many were unread */
    public int markAllRead(UnionPrincipal caller) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<NotificationEntity> unread = bind(em.createQuery(
                    "select n from NotificationEntity n where " + owner(caller) + " and n.readAt is null",
                    NotificationEntity.class), caller).getResultList();
            unread.forEach(row -> row.markRead(clock.instant()));
            return unread.size();
        });
    }

    private static boolean owns(UnionPrincipal caller, NotificationEntity row) {
        return (caller.memberId() != null && caller.memberId().equals(row.getMemberId()))
                || Long.valueOf(caller.accountId()).equals(row.getAccountId());
    }

    private static String owner(UnionPrincipal caller) {
        return caller.memberId() == null ? "n.accountId = :account" : "(n.accountId = :account or n.memberId = :member)";
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, UnionPrincipal caller) {
        query.setParameter("account", caller.accountId());
        if (caller.memberId() != null) {
            query.setParameter("member", caller.memberId());
        }
        return query;
    }
}
