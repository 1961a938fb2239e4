package cn.edu.cumt.union.core.internal.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.api.storage.LockConflicts;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.config.LiveConfig;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.UnitEntity;
import cn.edu.cumt.union.core.internal.storage.LikePrefix;

/**
 * Accounts as administrators manage them: creation, password resets, roles, enabling. Operators and
 * union administrators act on every account; a unit administrator only on accounts of members of
 * the units they manage, never on accounts that hold more than {@code unit-admin}. Only an
 * operator touches an operator's account or grants {@code operator}. Of {@link AuthConfig} it reads
 * only {@code password.iterations}, applied in place.
 */
@Component(service = AccountAdminService.class, configurationPid = AuthConfig.PID)
public class AccountAdminService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    static final int RESET_PASSWORD_LENGTH = 16;
    private static final Set<String> GRANTABLE = Set.of(Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR);

    private final JpaTemplate jpa;
    private final SessionService sessions;
    private final AuditLog audit;
    private static final Logger LOG = LoggerFactory.getLogger(AccountAdminService.class);

    private final AccessControl access;
    /** The one setting this service reads: immutable, swapped whole on a configuration change. */
    private volatile PasswordHasher hasher;
    private final Clock clock;

    @Activate
    public AccountAdminService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference SessionService sessions, @Reference AuditLog audit, @Reference AccessControl access,
            AuthConfig config) {
        this(jpa, sessions, audit, access, LiveConfig.initial(LOG, AuthConfig.PID, () -> hasher(config),
                () -> hasher(LiveConfig.defaults(AuthConfig.class))), Clock.systemUTC());
    }

    private static PasswordHasher hasher(AuthConfig config) {
        return new PasswordHasher(AuthSettings.check(config).password_iterations());
    }

    /** A change of etc/cn.edu.cumt.union.auth.cfg: applied in place, or refused when the value is not valid. */
    @Modified
    void modified(AuthConfig config) {
        hasher = LiveConfig.changed(LOG, AuthConfig.PID, hasher, () -> hasher(config));
    }

    PasswordHasher hasher() {
        return hasher;
    }

    AccountAdminService(JpaTemplate jpa, SessionService sessions, AuditLog audit, AccessControl access,
            PasswordHasher hasher, Clock clock) {
        this.jpa = jpa;
        this.sessions = sessions;
        this.audit = audit;
        this.access = access;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Accounts the caller may manage, by username, optionally those whose username starts with {@code prefix}. */
    public PageDTO<AccountDTO> list(UnionPrincipal caller, String prefix, int offset, int limit) {
        UnitScope scope = platformWide(caller) ? UnitScope.all() : access.manageableUnits(caller);
        if (!scope.isAll() && scope.unitIds().isEmpty()) {
            return new PageDTO<>(List.of(), 0, offset, limit);
        }
        Set<Long> units = scope.isAll() ? null : scope.unitIds();
        return jpa.txExpr(TransactionType.Required, em -> {
            String from = units == null ? " from AccountEntity a where 1 = 1"
                    : " from AccountEntity a, MemberEntity m where a.memberId = m.id and m.unitId in :units";
            String where = prefix == null ? "" : " and a.username like :prefix" + LikePrefix.ESCAPE;
            TypedQuery<Long> count = em.createQuery("select count(a)" + from + where, Long.class);
            TypedQuery<AccountEntity> page = em.createQuery("select a" + from + where + " order by a.username",
                    AccountEntity.class);
            if (units != null) {
                count.setParameter("units", units);
                page.setParameter("units", units);
            }
            if (prefix != null) {
                String like = LikePrefix.of(prefix);
                count.setParameter("prefix", like);
                page.setParameter("prefix", like);
            }
            List<AccountEntity> rows = page.setFirstResult(offset).setMaxResults(limit).getResultList();
            return new PageDTO<>(toDTOs(em, rows), count.getSingleResult(), offset, limit);
        });
    }

    /** @throws ApiException 404 when the account does not exist or the caller may not manage it */
    public AccountDTO get(UnionPrincipal caller, long accountId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = requireManageable(em, caller, accountId);
            return toDTO(em, account);
        });
    }

    /** Creates the login of a member; the username is the staff number. No password yet: reset one. */
    public AccountDTO createForMember(UnionPrincipal caller, long memberId) {
        // Concurrent creations meet on the account table's locks (Derby): run again, never a 500.
        AccountDTO created = LockConflicts.retry(() -> jpa.txExpr(TransactionType.Required, em -> {
            List<MemberEntity> found = em.createQuery("select m from MemberEntity m where m.id = :id", MemberEntity.class)
                    .setParameter("id", memberId).getResultList();
            if (found.isEmpty() || !access.canManageUnit(caller, found.get(0).getUnitId())) {
                throw ApiException.notFound("member.not-found", "会员不存在", "No such member");
            }
            MemberEntity member = found.get(0);
            Long existing = count(em, "select count(a) from AccountEntity a where a.memberId = :v", memberId);
            if (existing > 0) {
                throw ApiException.conflict("account.exists", "该会员已有账号", "This member already has an account");
            }
            requireFreeUsername(em, member.getStaffNo());
            AccountEntity account = new AccountEntity(member.getStaffNo(), memberId, clock.instant());
            em.persist(account);
            em.flush();
            return toDTO(em, account);
        }));
        audit.record("account.create", "Account", Long.toString(created.id()),
                "member " + memberId + ", username " + created.username());
        return created;
    }

    /**
     * At most this many accounts per call: each password costs one PBKDF2 hash (210,000 iterations: 1,000 took
     * 155 s on two shared cores), so a call stays near 16 s, inside the usual 30 s of clients and proxies. A larger unit takes more calls.
     */
    public static final int MAX_UNIT_BATCH = 100;

    /** An account created for a whole unit, with its one-time password (never stored in clear). */
    public record IssuedAccount(String staffNo, String name, String unitName, String password) {
    }

    /**
     * @param issued    the accounts created, by staff number, each with its one-time password
     * @param remaining active members of the units still without an account after this call
     *                  (call again for the next batch), not counting those whose staff number is taken
     * @param taken     active members without an account whose staff number is already someone's username
     */
    public record UnitAccounts(List<IssuedAccount> issued, long remaining, long taken) {
    }

    /**
     * Creates the accounts of every active member of a unit and the units below (groups included: asked for a
     * group, its members) who has none, at most
     * {@code limit} of them (by staff number), each with a random one-time password that must be changed at
     * first login. Members who have an account are left alone. Only the count is audited.
     *
     * @throws ApiException 404 when the unit does not exist or the caller may not manage it
     */
    public UnitAccounts createForUnit(UnionPrincipal caller, long unitId, int limit) {
        if (limit < 1 || limit > MAX_UNIT_BATCH) {
            throw ApiException.invalidField("limit", "应为 1 到 " + MAX_UNIT_BATCH, "must be 1 to " + MAX_UNIT_BATCH);
        }
        PasswordHasher hasher = this.hasher;
        // who still lacks an account: read first, hash outside any transaction (slow), then write
        List<MemberEntity> candidates = jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(UnitEntity.class, unitId) == null || !(platformWide(caller) || access.canManageUnit(caller, unitId))) {
                throw ApiException.notFound("unit.not-found", "单位不存在", "No such unit");
            }
            return withoutAccount(em, unitsBelow(em, unitId), limit);
        });
        Map<Long, String> passwords = new java.util.HashMap<>();
        Map<Long, String> hashes = new java.util.HashMap<>();
        for (MemberEntity m : candidates) {
            String password = hasher.randomPassword(RESET_PASSWORD_LENGTH);
            passwords.put(m.getId(), password);
            hashes.put(m.getId(), hasher.hash(password));
        }
        List<IssuedAccount> issued = LockConflicts.retry(() -> jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, String> unitNames = em.createQuery("select u from UnitEntity u", UnitEntity.class).getResultList()
                    .stream().collect(Collectors.toMap(UnitEntity::getId, UnitEntity::getName));
            List<IssuedAccount> created = new ArrayList<>();
            for (MemberEntity m : candidates) {
                // a concurrent call may have opened it meanwhile: leave it alone
                if (count(em, "select count(a) from AccountEntity a where a.memberId = :v", m.getId()) > 0
                        || count(em, "select count(a) from AccountEntity a where a.username = :v", m.getStaffNo()) > 0) {
                    continue;
                }
                AccountEntity account = new AccountEntity(m.getStaffNo(), m.getId(), clock.instant());
                account.setPasswordHash(hashes.get(m.getId()), clock.instant());
                account.setMustChangePassword(true);
                em.persist(account);
                created.add(new IssuedAccount(m.getStaffNo(), m.getName(), unitNames.get(m.getUnitId()),
                        passwords.get(m.getId())));
            }
            em.flush();
            return created;
        }));
        long[] left = jpa.txExpr(TransactionType.Required, em -> {
            Set<Long> units = unitsBelow(em, unitId);
            long all = countWithoutAccount(em, units, false);
            long taken = countWithoutAccount(em, units, true);
            return new long[] { all - taken, taken };
        });
        audit.record("account.create.unit", "Unit", Long.toString(unitId),
                issued.size() + " accounts with one-time passwords for the unit and the units below, "
                        + left[0] + " still without one, " + left[1] + " with a staff number taken");
        return new UnitAccounts(List.copyOf(issued), left[0], left[1]);
    }

    private static Set<Long> unitsBelow(EntityManager em, long unitId) {
        Map<Long, List<Long>> children = new java.util.HashMap<>();
        for (Object[] row : em.createQuery("select u.id, u.parentId from UnitEntity u", Object[].class).getResultList()) {
            if (row[1] != null) {
                children.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add((Long) row[0]);
            }
        }
        Set<Long> found = new HashSet<>();
        java.util.Deque<Long> todo = new java.util.ArrayDeque<>(List.of(unitId));
        while (!todo.isEmpty()) {
            Long next = todo.pop();
            if (found.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    private static final String WITHOUT_ACCOUNT = " from MemberEntity m where (m.unitId in :units or m.groupId in :units) and m.status = :active"
            + " and not exists (select a from AccountEntity a where a.memberId = m.id)";
    private static final String NAME_TAKEN = "exists (select b from AccountEntity b where b.username = m.staffNo)";

    private static List<MemberEntity> withoutAccount(EntityManager em, Set<Long> units, int limit) {
        return em.createQuery("select m" + WITHOUT_ACCOUNT + " and not " + NAME_TAKEN + " order by m.staffNo",
                MemberEntity.class).setParameter("units", units).setParameter("active", MemberStatus.ACTIVE)
                .setMaxResults(limit).getResultList();
    }

    private static long countWithoutAccount(EntityManager em, Set<Long> units, boolean nameTaken) {
        return em.createQuery("select count(m)" + WITHOUT_ACCOUNT + (nameTaken ? " and " + NAME_TAKEN : ""), Long.class)
                .setParameter("units", units).setParameter("active", MemberStatus.ACTIVE).getSingleResult();
    }

    /** Creates an operator account (no member) holding the {@code operator} role. No password yet. */
    public AccountDTO createOperator(UnionPrincipal caller, String username) {
        return createWithoutMember(caller, username, Roles.OPERATOR, null);
    }

    /**
     * Creates an account that belongs to no member (central IT, union office staff) holding one
     * role. Only operators create such accounts. No password yet.
     *
     * @param unitId the unit of a {@code unit-admin} grant, else {@code null}
     */
    public AccountDTO createWithoutMember(UnionPrincipal caller, String username, String role, Long unitId) {
        if (!caller.hasRole(Roles.OPERATOR)) {
            throw ApiException.forbidden("auth.forbidden", "无权执行此操作", "You are not allowed to do this");
        }
        requireUsername(username);
        requireMayGrant(caller, role, unitId);
        AccountDTO created = LockConflicts.retry(() -> jpa.txExpr(TransactionType.Required, em -> {
            if (unitId != null && em.find(UnitEntity.class, unitId) == null) {
                throw ApiException.notFound("unit.not-found", "单位不存在", "No such unit");
            }
            requireFreeUsername(em, username);
            AccountEntity account = new AccountEntity(username, null, clock.instant());
            em.persist(account);
            em.flush();
            em.persist(new RoleGrantEntity(account.getId(), role, unitId));
            em.flush();
            return toDTO(em, account);
        }));
        audit.record("account.create", "Account", Long.toString(created.id()),
                username + " without member, " + describe(role, unitId));
        return created;
    }

    /**
     * Sets a password chosen by the administrator, or a random one-time password when
     * {@code password} is {@code null}. Ends every session of the account and lifts any lock.
     */
    public PasswordResetDTO resetPassword(UnionPrincipal caller, long accountId, String password, boolean mustChange) {
        PasswordHasher hasher = this.hasher;
        String chosen = password;
        boolean random = chosen == null;
        String username = jpa.txExpr(TransactionType.Required,
                em -> requireManageable(em, caller, accountId).getUsername());
        if (random) {
            chosen = hasher.randomPassword(RESET_PASSWORD_LENGTH);
        } else {
            PasswordPolicy.check(username, chosen);
        }
        String hash = hasher.hash(chosen);
        boolean mustChangeNow = random || mustChange;
        jpa.tx(TransactionType.Required, em -> {
            AccountEntity account = requireManageable(em, caller, accountId);
            account.setPasswordHash(hash, clock.instant());
            account.setMustChangePassword(mustChangeNow);
            account.setFailedLogins(0);
            account.setLockedUntil(null);
        });
        sessions.endAll(accountId, null);
        audit.record("account.password.reset", "Account", Long.toString(accountId),
                (random ? "random one-time password" : "password chosen by the administrator")
                        + (mustChangeNow ? ", must change" : ""));
        return new PasswordResetDTO(random ? chosen : null, mustChangeNow);
    }

    /** Lifts a lock after failed logins and forgets the failures; nothing else changes. */
    public AccountDTO unlock(UnionPrincipal caller, long accountId) {
        AccountDTO result = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = requireManageable(em, caller, accountId);
            account.setFailedLogins(0);
            account.setLockedUntil(null);
            em.flush();
            return toDTO(em, account);
        });
        audit.record("account.unlock", "Account", Long.toString(accountId), null);
        return result;
    }

    /** Grants a role; granting one already held changes nothing. */
    public AccountDTO grant(UnionPrincipal caller, long accountId, String role, Long unitId) {
        requireMayGrant(caller, role, unitId);
        boolean[] changed = { false };
        AccountDTO result = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = requireManageable(em, caller, accountId);
            if (Roles.UNIT_ADMIN.equals(role) && em.find(UnitEntity.class, unitId) == null) {
                throw ApiException.notFound("unit.not-found", "单位不存在", "No such unit");
            }
            if (findGrants(em, accountId, role, unitId).isEmpty()) {
                em.persist(new RoleGrantEntity(accountId, role, unitId));
                em.flush();
                changed[0] = true;
            }
            return toDTO(em, account);
        });
        if (changed[0]) {
            sessions.refresh(accountId);
            audit.record("account.role.grant", "Account", Long.toString(accountId), describe(role, unitId));
        }
        return result;
    }

    /** Revokes a role. The last operator who can log in keeps theirs: someone must run the platform. */
    public AccountDTO revoke(UnionPrincipal caller, long accountId, String role, Long unitId) {
        requireMayGrant(caller, role, unitId);
        AccountDTO result = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = requireManageable(em, caller, accountId);
            List<RoleGrantEntity> grants = findGrants(em, accountId, role, unitId);
            if (grants.isEmpty()) {
                throw ApiException.notFound("account.role-not-found", "该账号没有此角色", "The account does not hold this role");
            }
            if (Roles.OPERATOR.equals(role) && usableOperatorsBesides(em, accountId) == 0) {
                throw ApiException.conflict("account.last-operator", "不能移除最后一个运维账号的运维角色",
                        "The last enabled operator cannot lose the operator role");
            }
            grants.forEach(em::remove);
            em.flush();
            return toDTO(em, account);
        });
        sessions.refresh(accountId);
        audit.record("account.role.revoke", "Account", Long.toString(accountId), describe(role, unitId));
        return result;
    }

    /** Enables or disables an account. Disabling ends its sessions; enabling also lifts a lock. */
    public AccountDTO setEnabled(UnionPrincipal caller, long accountId, boolean enabled) {
        if (!platformWide(caller)) {
            throw ApiException.forbidden("auth.forbidden", "无权执行此操作", "You are not allowed to do this");
        }
        if (!enabled && caller.accountId() == accountId) {
            throw ApiException.conflict("account.self", "不能停用自己的账号", "You cannot disable your own account");
        }
        AccountDTO result = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = requireManageable(em, caller, accountId);
            if (!enabled && account.isEnabled() && holds(em, accountId, Roles.OPERATOR)
                    && usableOperatorsBesides(em, accountId) == 0) {
                throw ApiException.conflict("account.last-operator", "不能停用最后一个运维账号",
                        "The last enabled operator cannot be disabled");
            }
            account.setEnabled(enabled);
            if (enabled) {
                account.setFailedLogins(0);
                account.setLockedUntil(null);
            }
            em.flush();
            return toDTO(em, account);
        });
        if (!enabled) {
            sessions.endAll(accountId, null);
        }
        sessions.refresh(accountId);
        audit.record(enabled ? "account.enable" : "account.disable", "Account", Long.toString(accountId), null);
        return result;
    }

    private static boolean platformWide(UnionPrincipal caller) {
        return caller.hasRole(Roles.OPERATOR) || caller.hasRole(Roles.UNION_ADMIN);
    }

    /**
     * The account, if the caller may manage it. Unit administrators see only accounts of members in
     * their units (others are "not found") and may not act on accounts of higher rank.
     */
    private AccountEntity requireManageable(EntityManager em, UnionPrincipal caller, long accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null) {
            throw notFound();
        }
        List<RoleGrantEntity> grants = grantsOf(em, accountId);
        Set<String> roles = grants.stream().map(RoleGrantEntity::getRole).collect(Collectors.toSet());
        if (!platformWide(caller)) {
            Long unitId = account.getMemberId() == null ? null : memberUnit(em, account.getMemberId());
            if (unitId == null || !access.canManageUnit(caller, unitId)) {
                throw notFound();
            }
            UnitScope mine = access.manageableUnits(caller);
            boolean higher = roles.contains(Roles.UNION_ADMIN) || roles.contains(Roles.OPERATOR)
                    || grants.stream().anyMatch(g -> Roles.UNIT_ADMIN.equals(g.getRole())
                            && !mine.covers(g.getUnitId()));
            if (higher) {
                throw ApiException.forbidden("account.rank", "无权管理权限高于自己的账号",
                        "You may not manage an account with more rights than yours");
            }
        }
        if (roles.contains(Roles.OPERATOR) && !caller.hasRole(Roles.OPERATOR)) {
            throw ApiException.forbidden("account.rank", "只有运维人员可以管理运维账号", "Only operators manage operator accounts");
        }
        return account;
    }

    private void requireMayGrant(UnionPrincipal caller, String role, Long unitId) {
        if (role == null || role.isBlank()) {
            throw ApiException.missingField("role");
        }
        if (Roles.MEMBER.equals(role)) {
            throw ApiException.invalidField("role", "会员角色由账号关联的会员自动获得",
                    "the member role follows from the account's member link");
        }
        if (!GRANTABLE.contains(role)) {
            throw ApiException.invalidField("role", "应为 unit-admin、union-admin 或 operator",
                    "must be unit-admin, union-admin or operator");
        }
        if (Roles.UNIT_ADMIN.equals(role) != (unitId != null)) {
            throw ApiException.invalidField("unitId", "unit-admin 角色必须指定单位，其他角色不能指定",
                    "unit-admin needs a unit, other roles take none");
        }
        boolean allowed = switch (role) {
        case Roles.OPERATOR -> caller.hasRole(Roles.OPERATOR);
        case Roles.UNION_ADMIN -> platformWide(caller);
        default -> platformWide(caller) || access.canManageUnit(caller, unitId);
        };
        if (!allowed) {
            if (Roles.UNIT_ADMIN.equals(role)) {
                throw ApiException.notFound("unit.not-found", "单位不存在", "No such unit");
            }
            throw ApiException.forbidden("account.rank", "无权授予此角色", "You may not grant this role");
        }
    }

    static void requireUsername(String username) {
        if (username == null || username.isBlank()) {
            throw ApiException.missingField("username");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.invalidField("username", "应为 2 到 64 个字母、数字或 . _ @ -，以字母或数字开头",
                    "use 2 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
    }

    private static void requireFreeUsername(EntityManager em, String username) {
        if (count(em, "select count(a) from AccountEntity a where a.username = :v", username) > 0) {
            throw ApiException.conflict("account.username-taken", "用户名已被使用", "The username is taken");
        }
    }

    /**
     * Operators other than {@code accountId} who can log in: enabled and with a password. An
     * operator created without a password does not count, or creating one and then revoking your
     * own role would leave nobody who can run the platform.
     */
    private static long usableOperatorsBesides(EntityManager em, long accountId) {
        // a boolean parameter, not a literal: EclipseLink writes literals as 1/0, which Derby refuses
        return em.createQuery("select count(distinct a.id) from AccountEntity a, RoleGrantEntity g"
                + " where g.accountId = a.id and a.enabled = :on and g.role = :role and a.passwordHash is not null"
                + " and a.id <> :self", Long.class)
                .setParameter("on", true).setParameter("role", Roles.OPERATOR).setParameter("self", accountId)
                .getSingleResult();
    }

    private static boolean holds(EntityManager em, long accountId, String role) {
        return grantsOf(em, accountId).stream().anyMatch(g -> role.equals(g.getRole()));
    }

    private static long count(EntityManager em, String jpql, Object value) {
        return em.createQuery(jpql, Long.class).setParameter("v", value).getSingleResult();
    }

    private static Long memberUnit(EntityManager em, long memberId) {
        List<Long> unit = em.createQuery("select m.unitId from MemberEntity m where m.id = :id", Long.class)
                .setParameter("id", memberId).getResultList();
        return unit.isEmpty() ? null : unit.get(0);
    }

    private static List<RoleGrantEntity> grantsOf(EntityManager em, long accountId) {
        return em.createQuery("select g from RoleGrantEntity g where g.accountId = :id", RoleGrantEntity.class)
                .setParameter("id", accountId).getResultList();
    }

    private static List<RoleGrantEntity> findGrants(EntityManager em, long accountId, String role, Long unitId) {
        return grantsOf(em, accountId).stream()
                .filter(g -> g.getRole().equals(role) && java.util.Objects.equals(g.getUnitId(), unitId)).toList();
    }

    private static AccountDTO toDTO(EntityManager em, AccountEntity account) {
        return toDTOs(em, List.of(account)).get(0);
    }

    private static List<AccountDTO> toDTOs(EntityManager em, List<AccountEntity> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = new HashSet<>();
        accounts.forEach(a -> ids.add(a.getId()));
        Map<Long, List<RoleGrantDTO>> grants = em
                .createQuery("select g from RoleGrantEntity g where g.accountId in :ids", RoleGrantEntity.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(RoleGrantEntity::getAccountId,
                        Collectors.mapping(g -> new RoleGrantDTO(g.getRole(), g.getUnitId()), Collectors.toList())));
        List<AccountDTO> result = new ArrayList<>();
        for (AccountEntity a : accounts) {
            List<RoleGrantDTO> held = new ArrayList<>(grants.getOrDefault(a.getId(), List.of()));
            held.sort(Comparator.comparing(RoleGrantDTO::role).thenComparing(RoleGrantDTO::unitId,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            result.add(new AccountDTO(a.getId(), a.getUsername(), a.getMemberId(), a.isEnabled(),
                    a.getPasswordHash() != null, a.isMustChangePassword(), a.getFailedLogins(),
                    a.getLockedUntil(), a.getCreatedAt(), List.copyOf(held)));
        }
        return result;
    }

    private static String describe(String role, Long unitId) {
        return unitId == null ? role : role + " on unit " + unitId;
    }

    private static ApiException notFound() {
        return ApiException.notFound("account.not-found", "账号不存在", "No such account");
    }
}
