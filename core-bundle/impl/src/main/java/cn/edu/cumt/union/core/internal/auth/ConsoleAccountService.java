package cn.edu.cumt.union.core.internal.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.audit.RequestContext;

/**
 * Account administration from the Karaf console, for central IT: whoever holds the console acts
 * with an operator's rights. Accounts and units are named by username and unit code, as people
 * type them. Callers set the console user as actor ({@link RequestContext#runAs}) for the audit log.
 */
@Component(service = ConsoleAccountService.class)
public class ConsoleAccountService {

    private static final Set<String> ROLES = Set.of(Roles.OPERATOR, Roles.UNION_ADMIN, Roles.UNIT_ADMIN);
    private static final int PAGE = 200;

    private final JpaTemplate jpa;
    private final AccountAdminService admin;
    private final Clock clock;

    @Activate
    public ConsoleAccountService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference AccountAdminService admin) {
        this(jpa, admin, Clock.systemUTC());
    }

    ConsoleAccountService(JpaTemplate jpa, AccountAdminService admin, Clock clock) {
        this.jpa = jpa;
        this.admin = admin;
        this.clock = clock;
    }

    /** A new account and its one-time password (shown once, must be changed at the first login). */
    public record Created(AccountDTO account, String oneTimePassword) {
    }

    /**
     * An account as the console lists it.
     *
     * @param member      staff number and name, or empty for an account without member
     * @param roles       roles held, {@code unit-admin@CODE} for unit administrators
     * @param lockedUntil until when failed logins lock it, or {@code null} when not locked now
     */
    public record Row(String username, String member, List<String> roles, Instant lockedUntil, boolean enabled) {
    }

    /**
     * Creates an account with a random one-time password: a member's (the username is their staff
     * number) when {@code staffNo} is given, else one without member holding {@code role}
     * ({@code operator} when none is given). A member's account gets {@code role} on top, if given.
     *
     * @param unitCode the unit of a {@code unit-admin} role, else {@code null}
     */
    public Created create(String username, String staffNo, String role, String unitCode) {
        AccountAdminService.requireUsername(username);
        if (role != null && !ROLES.contains(role)) {
            throw ApiException.invalidField("--role", "应为 operator、union-admin 或 unit-admin",
                    "must be operator, union-admin or unit-admin");
        }
        if (Roles.UNIT_ADMIN.equals(role) != (unitCode != null)) {
            throw ApiException.invalidField("--unit", "--role unit-admin 必须且只能与 --unit 一起使用",
                    "--unit goes with --role unit-admin, and only with it");
        }
        if (staffNo != null && !staffNo.equals(username)) {
            throw ApiException.invalidField("username", "会员账号的用户名必须是其工号 " + staffNo,
                    "a member's username must be their staff number " + staffNo);
        }
        UnionPrincipal console = consolePrincipal();
        Long unitId = unitCode == null ? null : unitId(unitCode);
        AccountDTO account;
        if (staffNo == null) {
            account = admin.createWithoutMember(console, username, role == null ? Roles.OPERATOR : role, unitId);
        } else {
            account = admin.createForMember(console, memberId(staffNo));
            if (role != null) {
                account = admin.grant(console, account.id(), role, unitId);
            }
        }
        String password = admin.resetPassword(console, account.id(), null, true).password();
        return new Created(admin.get(console, account.id()), password);
    }

    /** Gives the account a new random one-time password; it must be changed and every session ends. */
    public String resetPassword(String username) {
        UnionPrincipal console = consolePrincipal();
        return admin.resetPassword(console, accountId(username), null, true).password();
    }

    /** Lifts a lock after failed logins. */
    public AccountDTO unlock(String username) {
        UnionPrincipal console = consolePrincipal();
        return admin.unlock(console, accountId(username));
    }

    /** Every account, by username. */
    public List<Row> accounts() {
        UnionPrincipal console = consolePrincipal();
        List<AccountDTO> all = new ArrayList<>();
        PageDTO<AccountDTO> page;
        do {
            page = admin.list(console, null, all.size(), PAGE);
            all.addAll(page.items());
        } while (!page.items().isEmpty() && all.size() < page.total());
        Set<Long> memberIds = new HashSet<>();
        Set<Long> unitIds = new HashSet<>();
        for (AccountDTO account : all) {
            if (account.memberId() != null) {
                memberIds.add(account.memberId());
            }
            account.grants().stream().filter(g -> g.unitId() != null).forEach(g -> unitIds.add(g.unitId()));
        }
        Map<Long, String> members = labels(memberIds,
                "select m.id, m.staffNo, m.name from MemberEntity m where m.id in :ids");
        Map<Long, String> units = labels(unitIds, "select u.id, u.code from UnitEntity u where u.id in :ids");
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        for (AccountDTO account : all) {
            List<String> roles = new ArrayList<>();
            if (account.memberId() != null) {
                roles.add(Roles.MEMBER);
            }
            for (RoleGrantDTO grant : account.grants()) {
                roles.add(grant.unitId() == null ? grant.role()
                        : grant.role() + "@" + units.getOrDefault(grant.unitId(), "#" + grant.unitId()));
            }
            String member = account.memberId() == null ? ""
                    : members.getOrDefault(account.memberId(), "#" + account.memberId());
            Instant locked = account.lockedUntil() != null && account.lockedUntil().isAfter(now)
                    ? account.lockedUntil() : null;
            rows.add(new Row(account.username(), member, List.copyOf(roles), locked, account.enabled()));
        }
        return rows;
    }

    /** The console acts as an operator and union administrator; id 0 is never an account's. */
    private static UnionPrincipal consolePrincipal() {
        return new UnionPrincipal(0, RequestContext.current().actor(), null, null,
                Set.of(Roles.OPERATOR, Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), null);
    }

    private long unitId(String code) {
        return single(em -> em.createQuery("select u.id from UnitEntity u where u.code = :code", Long.class)
                .setParameter("code", code).getResultList(),
                ApiException.notFound("unit.not-found", "单位不存在：" + code, "No such unit: " + code));
    }

    private long memberId(String staffNo) {
        return single(em -> em.createQuery("select m.id from MemberEntity m where m.staffNo = :no", Long.class)
                .setParameter("no", staffNo).getResultList(),
                ApiException.notFound("member.not-found", "没有工号为 " + staffNo + " 的会员",
                        "No member with staff number " + staffNo));
    }

    private long accountId(String username) {
        AccountEntity account = jpa.txExpr(TransactionType.Required,
                em -> AccountService.findByUsername(em, username));
        if (account == null) {
            throw ApiException.notFound("account.not-found", "账号不存在：" + username, "No such account: " + username);
        }
        return account.getId();
    }

    private long single(Function<EntityManager, List<Long>> query, ApiException missing) {
        List<Long> found = jpa.txExpr(TransactionType.Required, query::apply);
        if (found.isEmpty()) {
            throw missing;
        }
        return found.get(0);
    }

    /** Id to label ("staff no + name", or a unit code) for a set of ids; the columns after the id are joined. */
    private Map<Long, String> labels(Set<Long> ids, String jpql) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> found = jpa.txExpr(TransactionType.Required,
                em -> em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList());
        Map<Long, String> labels = new HashMap<>();
        for (Object[] row : found) {
            StringBuilder label = new StringBuilder();
            for (int i = 1; i < row.length; i++) {
                label.append(i > 1 ? " " : "").append(row[i]);
            }
            labels.put((Long) row[0], label.toString());
        }
        return labels;
    }
}
