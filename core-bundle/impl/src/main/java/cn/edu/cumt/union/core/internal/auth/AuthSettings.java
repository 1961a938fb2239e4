package cn.edu.cumt.union.core.internal.auth;

import cn.edu.cumt.union.core.internal.config.LiveConfig;

/**
 * The checks on {@code etc/cn.edu.cumt.union.auth.cfg} as a whole. {@link SessionService},
 * {@link AccountService} and {@link AccountAdminService} each read part of the file; each applies a
 * change only when all of it is valid, so that none of them runs half of an edit.
 */
final class AuthSettings {

    private AuthSettings() {
    }

    /** @throws IllegalArgumentException naming the first key that is not valid */
    static AuthConfig check(AuthConfig config) {
        LiveConfig.atLeast("session.idle.minutes", config.session_idle_minutes(), 1);
        LiveConfig.atLeast("session.absolute.hours", config.session_absolute_hours(), 1);
        LiveConfig.required("token.key.file", config.token_key_file());
        LiveConfig.atLeast("password.iterations", config.password_iterations(), 1);
        LiveConfig.atLeast("login.delay.after", config.login_delay_after(), 0);
        LiveConfig.atLeast("login.lock.after", config.login_lock_after(), 1);
        LiveConfig.atLeast("login.lock.minutes", config.login_lock_minutes(), 1);
        LiveConfig.atLeast("login.source.delay.after", config.login_source_delay_after(), 0);
        LiveConfig.atLeast("login.source.block.after", config.login_source_block_after(), 1);
        LiveConfig.atLeast("login.source.block.minutes", config.login_source_block_minutes(), 1);
        LiveConfig.atLeast("login.known.source.days", config.login_known_source_days(), 1);
        LiveConfig.atLeast("login.memory.entries", config.login_memory_entries(), 100);
        LiveConfig.required("initial.admin.username", config.initial_admin_username());
        LiveConfig.required("initial.admin.password.file", config.initial_admin_password_file());
        return config;
    }
}
