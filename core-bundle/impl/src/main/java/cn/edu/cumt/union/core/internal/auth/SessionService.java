package cn.edu.cumt.union.core.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.cxf.rs.security.jose.jwa.SignatureAlgorithm;
import org.apache.cxf.rs.security.jose.jws.HmacJwsSignatureProvider;
import org.apache.cxf.rs.security.jose.jws.HmacJwsSignatureVerifier;
import org.apache.cxf.rs.security.jose.jws.JwsHeaders;
import org.apache.cxf.rs.security.jose.jws.JwsJwtCompactConsumer;
import org.apache.cxf.rs.security.jose.jws.JwsJwtCompactProducer;
import org.apache.cxf.rs.security.jose.jwt.JwtClaims;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.config.LiveConfig;
import cn.edu.cumt.union.core.internal.security.Authentication;
import cn.edu.cumt.union.core.internal.security.TokenAuthenticator;
import cn.edu.cumt.union.core.internal.storage.DataDir;

/**
 * Login sessions and their bearer tokens: HS256-signed JWTs (CXF JOSE) whose {@code jti} names a
 * session row. The signature proves the token is ours; the session row lets logout and password
 * changes end it before it expires. Sessions are cached in memory so that an authenticated request
 * costs no database read; the last-seen time is written back at most once a minute. A change of
 * {@link AuthConfig} applies in place ({@link Settings}): new limits hold for every session from its
 * next request, a new key file signs from the next login and ends the sessions signed by the old key.
 */
@Component(service = { SessionService.class, TokenAuthenticator.class }, configurationPid = AuthConfig.PID)
@Designate(ocd = AuthConfig.class)
public class SessionService implements TokenAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    private static final String ISSUER = "cumt-union";
    private static final Duration LAST_SEEN_WRITE_INTERVAL = Duration.ofMinutes(1);

    private final JpaTemplate jpa;
    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private volatile Settings settings;

    /** Every setting a request reads, swapped whole on a configuration change. */
    record Settings(Duration idleLimit, Duration absoluteLimit, Path keyFile, byte[] signingKey) {

        Settings {
            if (signingKey.length < 32) {
                throw new IllegalArgumentException("the token signing key must have at least 32 bytes");
            }
        }

        /** Reads the key file only when it is another file than the one in use. */
        static Settings of(AuthConfig config, Settings current) {
            AuthSettings.check(config);
            Duration idle = Duration.ofMinutes(config.session_idle_minutes());
            Duration absolute = Duration.ofHours(config.session_absolute_hours());
            Path keyFile = DataDir.resolve(config.token_key_file().strip());
            if (current != null && current.keyFile.equals(keyFile)) {
                return new Settings(idle, absolute, keyFile, current.signingKey);
            }
            try {
                return new Settings(idle, absolute, keyFile, loadOrCreateKey(keyFile));
            } catch (IOException e) {
                throw new IllegalArgumentException("token.key.file " + keyFile + " cannot be read or created: " + e.getMessage(), e);
            }
        }
    }

    @Activate
    public SessionService(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema, AuthConfig config) {
        this.jpa = jpa;
        this.settings = LiveConfig.initial(LOG, AuthConfig.PID, () -> Settings.of(config, null),
                () -> Settings.of(LiveConfig.defaults(AuthConfig.class), null));
    }

    SessionService(JpaTemplate jpa, Duration idleLimit, Duration absoluteLimit, byte[] signingKey) {
        this.jpa = jpa;
        this.settings = new Settings(idleLimit, absoluteLimit, Path.of("test-key"), signingKey);
    }

    /** A change of etc/cn.edu.cumt.union.auth.cfg: applied in place, or refused whole when a value is not valid. */
    @Modified
    void modified(AuthConfig config) {
        Settings current = settings;
        settings = LiveConfig.changed(LOG, AuthConfig.PID, current, () -> Settings.of(config, current));
    }

    Settings settings() {
        return settings;
    }

    /** A freshly opened session: its bearer token and when it ends at the latest. */
    public record Opened(String sessionId, String token, Instant expiresAt) {
    }

    /** Opens a session for the account and returns its signed token. */
    public String open(long accountId, String client) {
        return openSession(accountId, client).token();
    }

    /** Opens a session for the account; the token is the only secret in the result. */
    public Opened openSession(long accountId, String client) {
        Settings current = settings;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS); // JWT times are whole seconds
        String sessionId = UUID.randomUUID().toString();
        SessionEntity session = new SessionEntity(sessionId, accountId, now, now.plus(current.absoluteLimit()), client);
        jpa.tx(TransactionType.Required, em -> em.persist(session));

        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(Long.toString(accountId));
        claims.setTokenId(sessionId);
        claims.setIssuedAt(now.getEpochSecond());
        claims.setExpiryTime(session.getExpiresAt().getEpochSecond());
        JwsJwtCompactProducer producer = new JwsJwtCompactProducer(new JwsHeaders(SignatureAlgorithm.HS256), claims);
        String token = producer.signWith(new HmacJwsSignatureProvider(current.signingKey(), SignatureAlgorithm.HS256));
        return new Opened(sessionId, token, session.getExpiresAt());
    }

    @Override
    public Optional<Authentication> authenticate(String bearerToken) {
        Settings current = settings;
        String sessionId = verifiedSessionId(bearerToken, current.signingKey());
        if (sessionId == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        LiveSession live = sessions.computeIfAbsent(sessionId, this::load);
        if (live == null) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        if (!live.isAlive(now, current.idleLimit())) {
            end(sessionId);
            return Optional.empty();
        }
        if (live.touch(now, LAST_SEEN_WRITE_INTERVAL)) {
            jpa.tx(TransactionType.Required, em -> {
                SessionEntity row = em.find(SessionEntity.class, sessionId);
                if (row != null) {
                    row.setLastSeenAt(now);
                }
            });
        }
        return Optional.of(new Authentication(live.principal, live.mustChangePassword));
    }

    @Override
    public String csrfToken(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.signingKey(), "HmacSHA256"));
            byte[] value = mac.doFinal(("union-csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** @return the session id if the token is well-formed, signed by us and not expired; else {@code null} */
    private static String verifiedSessionId(String token, byte[] signingKey) {
        try {
            JwsJwtCompactConsumer consumer = new JwsJwtCompactConsumer(token);
            if (!consumer.verifySignatureWith(new HmacJwsSignatureVerifier(signingKey, SignatureAlgorithm.HS256))) {
                return null;
            }
            JwtClaims claims = consumer.getJwtClaims();
            Long expiry = claims.getExpiryTime();
            if (!ISSUER.equals(claims.getIssuer()) || expiry == null || expiry < Instant.now().getEpochSecond()) {
                return null;
            }
            return claims.getTokenId();
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private LiveSession load(String sessionId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            SessionEntity row = em.find(SessionEntity.class, sessionId);
            if (row == null || row.isRevoked()) {
                return null;
            }
            AccountEntity account = em.find(AccountEntity.class, row.getAccountId());
            if (account == null || !account.isEnabled()) {
                return null;
            }
            return new LiveSession(row.getExpiresAt(), row.getLastSeenAt(), principal(em, account, sessionId),
                    account.isMustChangePassword());
        });
    }

    /** Builds what a request knows of its caller: roles with their implications, and unit scopes. */
    public static UnionPrincipal principal(EntityManager em, AccountEntity account, String sessionId) {
        List<RoleGrantEntity> grants = em
                .createQuery("select g from RoleGrantEntity g where g.accountId = :id", RoleGrantEntity.class)
                .setParameter("id", account.getId()).getResultList();
        Set<String> roles = new HashSet<>();
        Set<Long> adminUnits = new HashSet<>();
        for (RoleGrantEntity grant : grants) {
            roles.add(grant.getRole());
            if (Roles.UNIT_ADMIN.equals(grant.getRole()) && grant.getUnitId() != null) {
                adminUnits.add(grant.getUnitId());
            }
        }
        if (roles.contains(Roles.UNION_ADMIN)) {
            roles.add(Roles.UNIT_ADMIN); // a union administrator administers every unit
        }
        Long memberUnitId = null;
        if (account.getMemberId() != null) {
            roles.add(Roles.MEMBER);
            List<Long> unit = em.createQuery("select m.unitId from MemberEntity m where m.id = :id", Long.class)
                    .setParameter("id", account.getMemberId()).getResultList();
            memberUnitId = unit.isEmpty() ? null : unit.get(0);
        }
        return new UnionPrincipal(account.getId(), account.getUsername(), account.getMemberId(), memberUnitId,
                Set.copyOf(roles), Set.copyOf(adminUnits), sessionId);
    }

    /** Ends one session (logout). */
    public void end(String sessionId) {
        sessions.remove(sessionId);
        jpa.tx(TransactionType.Required, em -> {
            SessionEntity row = em.find(SessionEntity.class, sessionId);
            if (row != null) {
                row.revoke();
            }
        });
    }

    /**
     * Ends every session of an account but one (password change, reset, disabling).
     *
     * @param keepSessionId the session to keep, or {@code null} to end all
     */
    public void endAll(long accountId, String keepSessionId) {
        sessions.values().removeIf(live -> live.principal.accountId() == accountId
                && !live.principal.sessionId().equals(keepSessionId));
        jpa.tx(TransactionType.Required, em -> em
                // booleans as parameters: EclipseLink writes literals as 1/0, which Derby's BOOLEAN refuses
                .createQuery("update SessionEntity s set s.revoked = :yes where s.accountId = :account"
                        + " and s.revoked = :no and s.id <> :keep")
                .setParameter("yes", true).setParameter("no", false)
                .setParameter("account", accountId).setParameter("keep", keepSessionId == null ? "" : keepSessionId)
                .executeUpdate());
    }

    /**
     * Forgets cached principals of an account so that changed roles, or a password that no longer
     * must be changed, apply to its next request.
     */
    public void refresh(long accountId) {
        sessions.values().removeIf(live -> live.principal.accountId() == accountId);
    }

    private static byte[] loadOrCreateKey(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length >= 32) {
                return key;
            }
            LOG.warn("Token key {} is shorter than 32 bytes; generating a new one", file);
        }
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        DataDir.writeOwnerOnly(file, key);
        LOG.info("Generated a new token signing key in {}", file);
        return key;
    }

    /** A cached session. Only {@code lastSeen} changes, from request threads. */
    private static final class LiveSession {
        private final Instant expiresAt;
        private final UnionPrincipal principal;
        private final boolean mustChangePassword;
        private volatile Instant lastSeen;
        private volatile Instant lastWritten;

        LiveSession(Instant expiresAt, Instant lastSeen, UnionPrincipal principal, boolean mustChangePassword) {
            this.expiresAt = expiresAt;
            this.lastSeen = lastSeen;
            this.lastWritten = lastSeen;
            this.principal = principal;
            this.mustChangePassword = mustChangePassword;
        }

        boolean isAlive(Instant now, Duration idleLimit) {
            return now.isBefore(expiresAt) && now.isBefore(lastSeen.plus(idleLimit));
        }

        /** @return whether the last-seen time should be written back now */
        boolean touch(Instant now, Duration writeInterval) {
            lastSeen = now;
            if (now.isAfter(lastWritten.plus(writeInterval))) {
                lastWritten = now;
                return true;
            }
            return false;
        }
    }
}
