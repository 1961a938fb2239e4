package cn.edu.cumt.union.core.internal.rest;

import java.lang.reflect.Method;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.security.Authentication;

/**
 * What a session whose account must change its password may still do: only the methods marked
 * {@link AllowedBeforePasswordChange}. Elsewhere it is refused (403); on public methods it simply
 * counts as anonymous, so nothing runs in the name of an account that has not chosen its password.
 */
public record PasswordChangeRule(boolean exempt) {

    public static PasswordChangeRule of(Method method) {
        return new PasswordChangeRule(method != null && method.isAnnotationPresent(AllowedBeforePasswordChange.class));
    }

    /**
     * @param authentication what the token stood for, or {@code null} (no or invalid token)
     * @param access         the method's access rule
     * @return the caller the request proceeds as, or {@code null} for anonymous
     * @throws ApiException 403 {@code auth.password-change-required}
     */
    public UnionPrincipal admit(Authentication authentication, AccessRule access) {
        if (authentication == null) {
            return null;
        }
        if (exempt || !authentication.mustChangePassword()) {
            return authentication.principal();
        }
        if (!access.needsAuthentication()) {
            return null;
        }
        throw passwordChangeRequired();
    }

    static ApiException passwordChangeRequired() {
        return ApiException.forbidden("auth.password-change-required", "请先修改密码（首次登录或密码已被重置）",
                "Change your password first (first login or the password was reset)");
    }
}
