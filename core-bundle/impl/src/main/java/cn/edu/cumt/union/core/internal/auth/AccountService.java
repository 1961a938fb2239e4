package cn.edu.cumt.union.core.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.audit.AuditLogImpl;
import cn.edu.cumt.union.core.internal.config.LiveConfig;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.audit.RequestContext;
import cn.edu.cumt.union.api.rest.RetryLater;
import cn.edu.cumt.union.core.internal.security.Authentication;
import cn.edu.cumt.union.core.internal.storage.DataDir;

/**
 * Logging in and out, changing one's own password, and the first operator account. Settings come
 * from {@link AuthConfig} (pid {@code cn.edu.cumt.union.auth}), shared with {@link SessionService};
 * a change applies in place from the next request ({@link Settings}).
 */
@Component(service = AccountService.class, configurationPid = AuthConfig.PID)
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    static final int INITIAL_PASSWORD_LENGTH = 24;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final JpaTemplate jpa;
    private final SessionService sessions;
    private final AuditLogImpl audit;
    private final Clock clock;
    private final Consumer<Duration> sleeper;
    private volatile Settings settings;
    private volatile DummyHash dummyHash;
    /** Failures per source address; they lapse after a block's length without one. */
    private final FailureCounts sources;
    /** Failures per username that is not a usable account (unknown, disabled, no password): counted as an account's are. */
    private final FailureCounts names;
    /** Failures per account and a source it logged in from before: such a pair has its own lock, not the account's. */
    private final FailureCounts pairs;

    /**
     * Every setting a request reads, swapped whole on a configuration change. {@code limits} hold
     * per username (accounts, unknown names, and an account from a source it logged in from before),
     * {@code sourceLimits} per source address whatever the username.
     */
    record Settings(PasswordHasher hasher, LoginLimits limits, LoginLimits sourceLimits, Duration knownSourceFor,
            int memoryEntries, String initialUsername, Path initialPasswordFile) {

        static final LoginLimits DEFAULT_SOURCE_LIMITS = LoginLimits.ofSources(LiveConfig.defaults(AuthConfig.class));
        static final Duration DEFAULT_KNOWN_SOURCE = Duration.ofDays(LiveConfig.defaults(AuthConfig.class).login_known_source_days());

        static Settings of(AuthConfig config) {
            AuthSettings.check(config);
            return new Settings(new PasswordHasher(config.password_iterations()), LoginLimits.of(config),
                    LoginLimits.ofSources(config), Duration.ofDays(config.login_known_source_days()),
                    config.login_memory_entries(), config.initial_admin_username().strip(),
                    DataDir.resolve(config.initial_admin_password_file().strip()));
        }
    }

    /** The hash unknown usernames are checked against, made with the hasher in use (same cost as a real one). */
    private record DummyHash(PasswordHasher hasher, String hash) {
    }

    @Activate
    public AccountService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference SessionService sessions, @Reference AuditLogImpl audit, AuthConfig config) {
        this(jpa, sessions, audit, LiveConfig.initial(LOG, AuthConfig.PID, () -> Settings.of(config),
                () -> Settings.of(LiveConfig.defaults(AuthConfig.class))), Clock.systemUTC(), AccountService::sleep);
        RequestContext.runAs("system", "startup", () -> ensureInitialOperator(LiveConfig.secret(LOG, AuthConfig.PID,
                "initial.admin.password", config._initial_admin_password(), config.initial_admin_password())));
    }

    AccountService(JpaTemplate jpa, SessionService sessions, AuditLogImpl audit, PasswordHasher hasher,
            LoginLimits limits, Clock clock, Consumer<Duration> sleeper, String initialUsername,
            Path initialPasswordFile) {
        this(jpa, sessions, audit, new Settings(hasher, limits, Settings.DEFAULT_SOURCE_LIMITS, Settings.DEFAULT_KNOWN_SOURCE,
                10_000, initialUsername, initialPasswordFile), clock, sleeper);
    }

    AccountService(JpaTemplate jpa, SessionService sessions, AuditLogImpl audit, Settings settings, Clock clock,
            Consumer<Duration> sleeper) {
        this.jpa = jpa;
        this.sessions = sessions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.sources = new FailureCounts(settings.memoryEntries(), true);
        this.names = new FailureCounts(settings.memoryEntries(), false);
        this.pairs = new FailureCounts(settings.memoryEntries(), false);
    }

    /**
     * A change of etc/cn.edu.cumt.union.auth.cfg: applied in place, or refused whole when a value is
     * not valid. The initial operator is created only when there is no account, at start.
     */
    @Modified
    void modified(AuthConfig config) {
        settings = LiveConfig.changed(LOG, AuthConfig.PID, settings, () -> Settings.of(config));
        for (FailureCounts counts : List.of(sources, names, pairs)) {
            counts.bound(settings.memoryEntries());
        }
    }

    Settings settings() {
        return settings;
    }

    PasswordHasher hasher() {
        return settings.hasher();
    }

    /**
     * Checks the password and opens a session. Unknown users, wrong passwords, disabled accounts and
     * accounts without a password all get the same answers, in the same time, at the same counts:
     * every username is counted and locked alike. Three counts apply: the source address's (any
     * username; 429 once blocked), and either the account's or, when the account logged in from
     * this source before, that pair's own (423 once locked): failures from elsewhere never lock the
     * real user out of the place they log in from.
     *
     * @param client the source address (see {@code trusted.proxies})
     * @throws ApiException 401 {@code auth.invalid-credentials}, 423 {@code auth.locked} or 429
     *         {@code auth.too-many-attempts}, the last two with Retry-After
     */
    public LoginDTO login(String username, String password, String client) {
        Settings current = settings;
        PasswordHasher hasher = current.hasher();
        LoginLimits limits = current.limits();
        LoginLimits sourceLimits = current.sourceLimits();
        String source = client == null || client.isBlank() ? "unknown" : client;
        Instant now = clock.instant();
        Instant blocked = sources.lockedUntil(source, sourceLimits, now);
        if (blocked != null) {
            // not audited per attempt: the block itself was, and a flood must not fill the audit log
            throw tooManyAttempts(blocked, now);
        }
        AccountEntity account = jpa.txExpr(TransactionType.Required, em -> findByUsername(em, username));
        boolean usable = account != null && account.isEnabled() && account.getPasswordHash() != null;
        String pair = usable && knownSource(account.getId(), source, now, current) ? account.getId() + "@" + source : null;
        Instant lockedUntil;
        int failures;
        if (!usable) {
            lockedUntil = names.lockedUntil(username, limits, now);
            failures = names.failures(username, limits, now);
        } else if (pair != null) {
            if (account.getFailedLogins() == 0) {
                // every failure of a pair also counts for the account: a count of 0 means an
                // administrator's unlock or reset, a password change or a login cleared them since
                pairs.clear(pair);
            }
            lockedUntil = pairs.lockedUntil(pair, limits, now);
            failures = pairs.failures(pair, limits, now);
        } else {
            lockedUntil = limits.isLocked(account.getLockedUntil(), now) ? account.getLockedUntil() : null;
            failures = limits.countAfterExpiredLock(account.getFailedLogins(), account.getLockedUntil(), now);
        }
        if (lockedUntil != null) {
            sourceFailed(source, sourceLimits, now);
            auditAs(account, source, () -> audit.denied("auth.login", "Account", account == null ? null : id(account), "locked"));
            throw locked(lockedUntil, now);
        }
        Duration sourceDelay = sourceLimits.delayBefore(sources.failures(source, sourceLimits, now));
        Duration nameDelay = limits.delayBefore(failures);
        pause(sourceDelay.compareTo(nameDelay) > 0 ? sourceDelay : nameDelay);
        // for names that cannot log in: the same work as for a real account, and never a match
        if (!hasher.verify(password, usable ? account.getPasswordHash() : dummyHash(hasher))) {
            sourceFailed(source, sourceLimits, now);
            Instant nowLocked;
            if (!usable) {
                nowLocked = names.fail(username, limits, now);
                // The attempted name is not recorded: people type their password into it by mistake.
                String why = account == null ? "unknown username" : account.isEnabled() ? "no password set" : "account disabled";
                auditAs(account, source, () -> audit.failed("auth.login", "Account", account == null ? null : id(account), why));
            } else {
                Instant accountLock = recordFailure(account, now, limits);
                nowLocked = pair == null ? accountLock : pairs.fail(pair, limits, now);
                auditAs(account, source, () -> audit.failed("auth.login", "Account", id(account),
                        pair == null ? "wrong password" : "wrong password from a known source"));
            }
            if (nowLocked != null) {
                throw locked(nowLocked, now);
            }
            throw invalidCredentials();
        }
        if (pair != null) {
            pairs.clear(pair);
        }
        // A lock set by failures from elsewhere stays for those sources: the real user's login does not
        // hand a guesser a fresh set of attempts.
        boolean lockHolds = limits.isLocked(account.getLockedUntil(), now);
        String rehash = hasher.needsRehash(account.getPasswordHash()) ? hasher.hash(password) : null;
        jpa.tx(TransactionType.Required, em -> {
            if (!lockHolds) {
                em.createQuery("update AccountEntity a set a.failedLogins = 0, a.lockedUntil = null where a.id = :id")
                        .setParameter("id", account.getId()).executeUpdate();
            }
            if (rehash != null) {
                em.createQuery("update AccountEntity a set a.passwordHash = :new where a.id = :id and a.passwordHash = :old")
                        .setParameter("new", rehash).setParameter("old", account.getPasswordHash())
                        .setParameter("id", account.getId()).executeUpdate();
            }
        });
        // the session row (with its source) is what makes this source known to the account from now on
        SessionService.Opened session = sessions.openSession(account.getId(), source);
        auditAs(account, source, () -> audit.record("auth.login", "Account", id(account), null));
        return new LoginDTO(session.token(), session.expiresAt(), account.isMustChangePassword());
    }

    /**
     * Whether the account logged in from this source within {@code login.known.source.days}: the
     * sessions table keeps each login's source (rows are revoked, never deleted), so this survives
     * restarts at the cost of one indexed query, and needs no table of its own.
     */
    private boolean knownSource(long accountId, String source, Instant now, Settings current) {
        Instant since = now.minus(current.knownSourceFor());
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("select count(s) from SessionEntity s"
                + " where s.accountId = :id and s.client = :client and s.createdAt >= :since", Long.class)
                .setParameter("id", accountId).setParameter("client", source).setParameter("since", since)
                .getSingleResult()) > 0;
    }

    private void sourceFailed(String source, LoginLimits sourceLimits, Instant now) {
        Instant blockedUntil = sources.fail(source, sourceLimits, now);
        if (blockedUntil != null) {
            LOG.warn("Source {} refused until {} after {} failed logins", source, blockedUntil, sourceLimits.lockAfter());
            RequestContext.runAs("anonymous", source, () -> audit.record("auth.source-blocked", "Source", source,
                    sourceLimits.lockAfter() + " failed logins; refused until " + blockedUntil));
        }
    }

    /** Audits as the account when there is one, else as the anonymous caller, from the source. */
    private static void auditAs(AccountEntity account, String source, Runnable entry) {
        RequestContext.runAs(account == null ? "anonymous" : account.getUsername(), source, entry);
    }

    /** Ends the caller's session: its token is refused from now on. */
    public void logout(UnionPrincipal caller) {
        sessions.end(caller.sessionId());
        audit.record("auth.logout", "Account", Long.toString(caller.accountId()), null);
    }

    /**
     * Changes the caller's own password and ends their other sessions. A wrong current password
     * counts as a failed login.
     */
    public void changePassword(UnionPrincipal caller, String oldPassword, String newPassword) {
        Settings current = settings;
        PasswordHasher hasher = current.hasher();
        LoginLimits limits = current.limits();
        AccountEntity account = jpa.txExpr(TransactionType.Required, em -> em.find(AccountEntity.class, caller.accountId()));
        if (account == null || !account.isEnabled()) {
            throw ApiException.unauthorized("auth.required", "请先登录", "Authentication required");
        }
        Instant now = clock.instant();
        if (limits.isLocked(account.getLockedUntil(), now)) {
            throw locked(account.getLockedUntil(), now);
        }
        pause(limits.delayBefore(
                limits.countAfterExpiredLock(account.getFailedLogins(), account.getLockedUntil(), now)));
        if (!hasher.verify(oldPassword, account.getPasswordHash())) {
            Instant lockedUntil = recordFailure(account, now, limits);
            audit.failed("auth.password.change", "Account", id(account), "wrong current password");
            if (lockedUntil != null) {
                sessions.endAll(account.getId(), null);
                throw locked(lockedUntil, now);
            }
            throw ApiException.badRequest("auth.password-wrong", "当前密码不正确", "The current password is wrong");
        }
        if (newPassword.equals(oldPassword)) {
            throw ApiException.badRequest("auth.password-reused", "新密码不能与当前密码相同",
                    "The new password must differ from the current one");
        }
        PasswordPolicy.check(account.getUsername(), newPassword);
        String hash = hasher.hash(newPassword);
        jpa.tx(TransactionType.Required, em -> {
            AccountEntity row = em.find(AccountEntity.class, account.getId());
            row.setPasswordHash(hash, now);
            row.setMustChangePassword(false);
            row.setFailedLogins(0);
            row.setLockedUntil(null);
        });
        sessions.endAll(account.getId(), caller.sessionId());
        sessions.refresh(account.getId()); // the kept session reloads without the must-change flag
        audit.record("auth.password.change", "Account", id(account), "other sessions ended");
        forgetInitialPassword(account.getUsername(), current);
    }

    /** What the caller's user interface needs to know about them. */
    public MeDTO me(UnionPrincipal caller) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = em.find(AccountEntity.class, caller.accountId());
            MemberEntity member = caller.memberId() == null ? null : em.find(MemberEntity.class, caller.memberId());
            MemberDTO memberDto = member == null ? null : member.toDTO();
            return new MeDTO(caller.username(), caller.roles().stream().sorted().toList(),
                    caller.adminUnitIds().stream().sorted().toList(), memberDto,
                    account != null && account.isMustChangePassword());
        });
    }

    /**
     * Creates the first operator when there is no account at all: with the configured password, or
     * else a random one written to an owner-only file (never to the log).
     */
    void ensureInitialOperator(String configuredPassword) {
        Settings current = settings;
        PasswordHasher hasher = current.hasher();
        String initialUsername = current.initialUsername();
        Path initialPasswordFile = current.initialPasswordFile();
        long accounts = jpa.txExpr(TransactionType.Required,
                em -> em.createQuery("select count(a) from AccountEntity a", Long.class).getSingleResult());
        if (accounts > 0) {
            return;
        }
        String password = configuredPassword == null ? "" : configuredPassword;
        boolean random = password.isEmpty();
        if (!random) {
            try {
                PasswordPolicy.check(initialUsername, password);
            } catch (ApiException weak) {
                LOG.error("initial.admin.password is refused ({}); a random password is used instead", weak.messageEn());
                random = true;
            }
        }
        if (random) {
            password = hasher.randomPassword(INITIAL_PASSWORD_LENGTH);
            try {
                // Written before the account exists: a failure here leaves no account nobody can use.
                DataDir.writeOwnerOnly(initialPasswordFile, (password + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write the first operator's password to " + initialPasswordFile, e);
            }
        }
        String hash = hasher.hash(password);
        boolean mustChange = random;
        long id = jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity admin = new AccountEntity(initialUsername, null, clock.instant());
            admin.setPasswordHash(hash, clock.instant());
            admin.setMustChangePassword(mustChange);
            em.persist(admin);
            em.flush();
            em.persist(new RoleGrantEntity(admin.getId(), Roles.OPERATOR, null));
            em.persist(new RoleGrantEntity(admin.getId(), Roles.UNION_ADMIN, null));
            return admin.getId();
        });
        audit.record("account.create-initial", "Account", Long.toString(id),
                initialUsername + " with roles operator, union-admin");
        if (random) {
            LOG.warn("Created the first operator account '{}'. Its one-time password is in {} (owner-only);"
                    + " log in, change it, and the file is deleted.", initialUsername, initialPasswordFile);
        } else {
            LOG.info("Created the first operator account '{}' with the configured initial password", initialUsername);
        }
    }

    /** The random first password is useless once changed: do not leave it lying around. */
    private void forgetInitialPassword(String username, Settings current) {
        if (!username.equals(current.initialUsername())) {
            return;
        }
        Path initialPasswordFile = current.initialPasswordFile();
        try {
            if (Files.deleteIfExists(initialPasswordFile)) {
                LOG.info("Deleted {} now that '{}' has chosen a password", initialPasswordFile, username);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}: delete it by hand", initialPasswordFile, e);
        }
    }

    /**
     * Counts a failure in the database (atomically, so parallel guesses all count) and locks the
     * account when the limit is reached.
     *
     * @return until when the account is now locked, or {@code null}
     */
    private Instant recordFailure(AccountEntity account, Instant now, LoginLimits limits) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Instant previousLock = account.getLockedUntil();
            if (previousLock != null && !limits.isLocked(previousLock, now)) {
                em.createQuery("update AccountEntity a set a.lockedUntil = null,"
                        + " a.failedLogins = :count where a.id = :id")
                        .setParameter("count", limits.countAfterExpiredLock(account.getFailedLogins(), previousLock, now))
                        .setParameter("id", account.getId()).executeUpdate();
            }
            em.createQuery("update AccountEntity a set a.failedLogins = a.failedLogins + 1 where a.id = :id")
                    .setParameter("id", account.getId()).executeUpdate();
            int failures = em.createQuery("select a.failedLogins from AccountEntity a where a.id = :id", Integer.class)
                    .setParameter("id", account.getId()).getSingleResult();
            Instant lockedUntil = limits.lockUntil(failures, now);
            if (lockedUntil == null) {
                return null;
            }
            em.createQuery("update AccountEntity a set a.lockedUntil = :until where a.id = :id")
                    .setParameter("until", lockedUntil).setParameter("id", account.getId()).executeUpdate();
            LOG.warn("Account '{}' locked until {} after {} failed logins", account.getUsername(), lockedUntil, failures);
            RequestContext.runAs(account.getUsername(), source(), () -> audit.record("auth.lockout", "Account",
                    id(account), failures + " failed logins; locked until " + lockedUntil));
            return lockedUntil;
        });
    }

    static AccountEntity findByUsername(EntityManager em, String username) {
        List<AccountEntity> found = em
                .createQuery("select a from AccountEntity a where a.username = :name", AccountEntity.class)
                .setParameter("name", username).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private String dummyHash(PasswordHasher hasher) {
        DummyHash dummy = dummyHash;
        if (dummy == null || dummy.hasher() != hasher) {
            dummy = new DummyHash(hasher, hasher.hash(hasher.randomPassword(20)));
            dummyHash = dummy;
        }
        return dummy.hash();
    }

    private void pause(Duration delay) {
        if (!delay.isZero()) {
            sleeper.accept(delay);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String source() {
        return RequestContext.current().source();
    }

    private static String id(AccountEntity account) {
        return Long.toString(account.getId());
    }

    static ApiException invalidCredentials() {
        return ApiException.unauthorized("auth.invalid-credentials", "用户名或密码错误", "Wrong username or password");
    }

    static ApiException locked(Instant lockedUntil, Instant now) {
        Instant until = lockedUntil.truncatedTo(ChronoUnit.SECONDS);
        return new RetryLater(423, "auth.locked",
                "登录失败次数过多，账号已临时锁定，将于 " + LOCAL_TIME.format(until) + "（北京时间）自动解锁",
                "Too many failed logins: the account is locked until " + until + " and then unlocks by itself",
                Duration.between(now, lockedUntil));
    }

    static ApiException tooManyAttempts(Instant blockedUntil, Instant now) {
        Instant until = blockedUntil.truncatedTo(ChronoUnit.SECONDS);
        return new RetryLater(429, "auth.too-many-attempts",
                "来自该地址的登录失败次数过多，请于 " + LOCAL_TIME.format(until) + "（北京时间）后再试",
                "Too many failed logins from this address: try again after " + until, Duration.between(now, blockedUntil));
    }
}
