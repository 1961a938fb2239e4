package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.util.Set;

import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;

import org.junit.Test;

import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

public class AccessRuleTest {

    @RolesAllowed(Roles.UNION_ADMIN)
    static class AdminResource {
        public void inherited() {
        }

        @PermitAll
        public void open() {
        }

        @RolesAllowed({ Roles.MEMBER, Roles.OPERATOR })
        public void narrower() {
        }

        @DenyAll
        public void closed() {
        }
    }

    static class BareResource {
        public void undeclared() {
        }

        @RolesAllowed(Roles.MEMBER)
        public void members() {
        }
    }

    @PermitAll
    static class PublicResource {
        public void anything() {
        }

        @RolesAllowed(Roles.OPERATOR)
        public void operatorsOnly() {
        }
    }

    private final UnionPrincipal member = principal(Roles.MEMBER);
    private final UnionPrincipal unionAdmin = principal(Roles.UNION_ADMIN);
    private final UnionPrincipal operator = principal(Roles.OPERATOR);

    @Test
    public void classAnnotationAppliesWhenTheMethodSaysNothing() throws Exception {
        AccessRule rule = rule(AdminResource.class, "inherited");
        assertEquals(AccessRule.Kind.ROLES, rule.kind());
        assertTrue(rule.allows(unionAdmin));
        assertFalse(rule.allows(member));
        assertFalse(rule.allows(null));
        assertTrue(rule.needsAuthentication());
    }

    @Test
    public void methodAnnotationWinsOverTheClass() throws Exception {
        AccessRule open = rule(AdminResource.class, "open");
        assertTrue(open.allows(null));
        assertFalse(open.needsAuthentication());

        AccessRule narrower = rule(AdminResource.class, "narrower");
        assertTrue(narrower.allows(member));
        assertTrue(narrower.allows(operator));
        assertFalse(narrower.allows(unionAdmin));

        AccessRule operatorsOnly = rule(PublicResource.class, "operatorsOnly");
        assertFalse(operatorsOnly.allows(null));
        assertTrue(operatorsOnly.allows(operator));
        assertTrue(rule(PublicResource.class, "anything").allows(null));
    }

    @Test
    public void denyAllDeniesEveryone() throws Exception {
        AccessRule closed = rule(AdminResource.class, "closed");
        assertEquals(AccessRule.Kind.DENY_ALL, closed.kind());
        assertFalse(closed.allows(unionAdmin));
        assertFalse(closed.allows(null));
    }

    @Test
    public void nothingDeclaredMeansDenied() throws Exception {
        AccessRule undeclared = rule(BareResource.class, "undeclared");
        assertEquals(AccessRule.Kind.DENY_ALL, undeclared.kind());
        assertFalse(undeclared.allows(unionAdmin));
        assertFalse(undeclared.allows(operator));
        assertEquals(Set.of(Roles.MEMBER), rule(BareResource.class, "members").roles());
    }

    @Test
    public void aCallerWithNoRolesIsRefused() throws Exception {
        assertFalse(rule(BareResource.class, "members").allows(principal()));
    }

    private static AccessRule rule(Class<?> type, String method) throws Exception {
        Method m = type.getMethod(method);
        return AccessRule.of(m, type);
    }

    private static UnionPrincipal principal(String... roles) {
        return new UnionPrincipal(1, "u", null, null, Set.of(roles), Set.of(), "s");
    }
}
