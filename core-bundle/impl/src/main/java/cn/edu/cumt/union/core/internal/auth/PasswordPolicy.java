package cn.edu.cumt.union.core.internal.auth;

import java.util.Locale;
import java.util.Set;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * What a new password must be. Length matters most (OWASP): 10 to 128 characters, any characters
 * at all. Beyond that only the obvious is refused: the username itself, one repeated character,
 * a single character class (only digits, only lower-case letters...), and a few well-known ones.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final String WEAK = "auth.password-weak";

    private static final Set<String> WELL_KNOWN = Set.of("password123", "password1234", "passw0rd123", "qwerty123456",
            "qwertyuiop1", "1qaz2wsx3edc", "1q2w3e4r5t", "1q2w3e4r5t6y", "abc123456789", "a1234567890",
            "iloveyou123", "admin12345", "admin123456", "welcome123", "p@ssw0rd123");

    private PasswordPolicy() {
    }

    /**
     * @throws ApiException 400 {@code auth.password-weak} with the reason, when the password is refused
     */
    public static void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw weak("密码不能为空", "the password must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw weak("至少需要 " + MIN_LENGTH + " 个字符", "it needs at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw weak("不能超过 " + MAX_LENGTH + " 个字符", "it may have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        // very short names would forbid too much by accident
        if (username != null && username.strip().length() >= 3
                && lower.contains(username.toLowerCase(Locale.ROOT).strip())) {
            throw weak("不能包含用户名", "it must not contain the username");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw weak("不能由同一个字符重复组成", "it must not repeat a single character");
        }
        if (classes(password) < 2) {
            throw weak("不能只包含一类字符（如全是数字或全是小写字母）",
                    "it must not use only one kind of character (such as only digits or only lower-case letters)");
        }
        if (WELL_KNOWN.contains(lower)) {
            throw weak("这是常见密码，容易被猜到", "it is a well-known password that is easy to guess");
        }
    }

    /** Lower-case, upper-case, digits and everything else (spaces, punctuation, Chinese...) count as classes. */
    private static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static ApiException weak(String zh, String en) {
        return ApiException.badRequest(WEAK, "密码强度不够：" + zh, "Password too weak: " + en);
    }
}
