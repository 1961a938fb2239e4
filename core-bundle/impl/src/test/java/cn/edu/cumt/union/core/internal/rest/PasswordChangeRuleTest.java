package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.HttpMethod;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.audit.AuditResource;
import cn.edu.cumt.union.core.internal.auth.AccountResource;
import cn.edu.cumt.union.core.internal.auth.AuthResource;
import cn.edu.cumt.union.core.internal.security.Authentication;
import cn.edu.cumt.union.core.internal.auth.MeResource;
import cn.edu.cumt.union.core.internal.plugin.PluginResource;

/** What a session that must change its password may still call. */
public class PasswordChangeRuleTest {

    static class SomeResource {
        @RolesAllowed(Roles.MEMBER)
        public void guarded() {
        }

        @PermitAll
        public void open() {
        }

        @AllowedBeforePasswordChange
        @RolesAllowed(Roles.MEMBER)
        public void exempt() {
        }
    }

    private final UnionPrincipal member = new UnionPrincipal(1, "u", 7L, 3L, Set.of(Roles.MEMBER), Set.of(), "s");
    private final Authentication mustChange = new Authentication(member, true);
    private final Authentication settled = new Authentication(member, false);

    @Test
    public void aMustChangeSessionIsRefusedOnGuardedMethods() throws Exception {
        try {
            decide("guarded", mustChange);
            fail("expected 403");
        } catch (ApiException e) {
            assertEquals(403, e.status());
            assertEquals("auth.password-change-required", e.code());
            assertTrue(e.messageZh().contains("修改密码"));
        }
    }

    @Test
    public void exemptMethodsAndSettledSessionsPassWithTheirPrincipal() throws Exception {
        assertSame(member, decide("exempt", mustChange));
        assertSame(member, decide("guarded", settled));
        assertSame(member, decide("open", settled));
    }

    @Test
    public void onPublicMethodsAMustChangeSessionCountsAsAnonymous() throws Exception {
        assertNull(decide("open", mustChange));
    }

    @Test
    public void noTokenStaysAnonymous() throws Exception {
        assertNull(decide("guarded", null));
        assertNull(decide("exempt", null));
    }

    @Test
    public void onlyPasswordChangeLogoutAndMeAreExemptInTheCore() {
        List<String> exempt = Stream.of(AuthResource.class, MeResource.class, AccountResource.class,
                PluginResource.class, AuditResource.class, HealthResource.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(m -> Arrays.stream(m.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class)))
                .filter(m -> PasswordChangeRule.of(m).exempt())
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).sorted().toList();
        // closeSession: the browser's logout, which a user who must change the password may use too
        assertEquals(List.of("AuthResource.changePassword", "AuthResource.closeSession", "AuthResource.logout", "MeResource.me"), exempt);
    }

    private static UnionPrincipal decide(String method, Authentication authentication) throws Exception {
        Method m = SomeResource.class.getMethod(method);
        return PasswordChangeRule.of(m).admit(authentication, AccessRule.of(m, SomeResource.class));
    }
}
