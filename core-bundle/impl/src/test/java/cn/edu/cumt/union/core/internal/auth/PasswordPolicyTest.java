package cn.edu.cumt.union.core.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

public class PasswordPolicyTest {

    @Test
    public void acceptsLongMixedPasswordsAndPassphrases() {
        PasswordPolicy.check("20051234", "Tr0ub4dor&3x");
        PasswordPolicy.check("20051234", "correct horse battery staple");
        PasswordPolicy.check("20051234", "工会会员密码abc123");
        PasswordPolicy.check("li", "lizhang2024"); // too short a name to matter
    }

    @Test
    public void refusesShortAndOverlongPasswords() {
        refused("20051234", "Ab1!Ab1!x", "at least 10");
        PasswordPolicy.check("20051234", "Ab1!Ab1!xy");
        refused("20051234", "Ab1!".repeat(32) + "x", "at most 128");
        PasswordPolicy.check("20051234", "Ab1!".repeat(32));
    }

    @Test
    public void refusesTheUsernameInside() {
        refused("zhangsan", "ZhangSan2024!", "username");
        refused("20051234", "x20051234y", "username");
    }

    @Test
    public void refusesOneCharacterOrOneClass() {
        refused("u123", "aaaaaaaaaaaa", "repeat");
        refused("u123", "1234567890123", "one kind");
        refused("u123", "abcdefghijkl", "one kind");
        refused("u123", "ABCDEFGHIJKL", "one kind");
    }

    @Test
    public void refusesWellKnownPasswords() {
        refused("u123", "Password123", "well-known");
        refused("u123", "1qaz2wsx3edc", "well-known");
    }

    @Test
    public void refusesNothing() {
        refused("u123", null, "empty");
        refused("u123", "", "empty");
    }

    private static void refused(String username, String password, String reason) {
        try {
            PasswordPolicy.check(username, password);
            fail("accepted " + password);
        } catch (ApiException expected) {
            assertEquals(400, expected.status());
            assertEquals("auth.password-weak", expected.code());
            assertTrue(expected.messageEn(), expected.messageEn().contains(reason));
            assertTrue(expected.messageZh().startsWith("密码强度不够"));
        }
    }
}
