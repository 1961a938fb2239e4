package cn.edu.cumt.union.core.internal.auth;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Every authentication setting, in one file: {@code etc/cn.edu.cumt.union.auth.cfg}. Both
 * {@link SessionService} and {@link AccountService} read this pid; only the former designates it,
 * so the metatype describes it once.
 */
@ObjectClassDefinition(name = "Union authentication", description = "Sessions, passwords, login limits, first operator")
public @interface AuthConfig {

    String PID = "cn.edu.cumt.union.auth";

    @AttributeDefinition(description = "A session ends after this many minutes without a request")
    int session_idle_minutes() default 30;

    @AttributeDefinition(description = "A session ends this many hours after login, whatever its use")
    int session_absolute_hours() default 12;

    @AttributeDefinition(description = "File with the token signing key; created with a random key if missing. Relative to karaf.data")
    String token_key_file() default "union/token-signing.key";

    @AttributeDefinition(description = "PBKDF2 iterations for new password hashes; older hashes are upgraded at login")
    int password_iterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(description = "After this many failed logins in a row, each further attempt is slowed down")
    int login_delay_after() default 3;

    @AttributeDefinition(description = "After this many failed logins in a row, the account is locked for a while")
    int login_lock_after() default 10;

    @AttributeDefinition(description = "How long a lock lasts, in minutes; it then lifts by itself")
    int login_lock_minutes() default 15;

    @AttributeDefinition(description = "After this many failed logins from one source address (any usernames), each further attempt from it is slowed down")
    int login_source_delay_after() default 10;

    @AttributeDefinition(description = "After this many failed logins from one source address, it gets 429 for login.source.block.minutes")
    int login_source_block_after() default 30;

    @AttributeDefinition(description = "How long a source address is refused, in minutes; its failures are also forgotten after this long without one")
    int login_source_block_minutes() default 15;

    @AttributeDefinition(description = "A source address that logged in to an account within this many days is not held back by that account's lock")
    int login_known_source_days() default 90;

    @AttributeDefinition(description = "At most this many source addresses, unknown usernames and account-source pairs are counted in memory (each); the least recently used go first")
    int login_memory_entries() default 10000;

    @AttributeDefinition(description = "Login name of the first operator, created when no account exists")
    String initial_admin_username() default "admin";

    /**
     * {@code .initial.admin.password}: the leading dot makes it a private property (DS 112.6), read
     * by the component but never copied into the service properties that the console and every
     * bundle can list.
     */
    @AttributeDefinition(description = "Password of the first operator (automated installs, tests). Empty: a random one is written to initial.admin.password.file",
            type = AttributeType.PASSWORD)
    String _initial_admin_password() default "";

    /** The key before it became private; still read, with a warning to rename it. */
    @AttributeDefinition(description = "Deprecated: visible as a service property; use .initial.admin.password", type = AttributeType.PASSWORD)
    String initial_admin_password() default "";

    @AttributeDefinition(description = "Where the random first password is written (owner-only). Relative to karaf.data")
    String initial_admin_password_file() default "union/initial-admin-password";
}
