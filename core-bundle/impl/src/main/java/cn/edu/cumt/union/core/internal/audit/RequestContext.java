package cn.edu.cumt.union.core.internal.audit;

import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * Who is acting on the current thread and from where: set by the request guard for each HTTP
 * request and by console commands, read by the audit log. Always overwritten at the start of a
 * request, so a pooled thread never carries a previous caller into the next one.
 */
public final class RequestContext {

    /** What a thread acts as when nobody set anything: background work of the platform itself. */
    private static final RequestContext SYSTEM = new RequestContext(null, "system", "local");

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final UnionPrincipal principal;
    private final String actor;
    private final String source;

    private RequestContext(UnionPrincipal principal, String actor, String source) {
        this.principal = principal;
        this.actor = actor;
        this.source = source;
    }

    public static RequestContext current() {
        RequestContext context = CURRENT.get();
        return context == null ? SYSTEM : context;
    }

    /** Starts a request from a client address, anonymous until authenticated. */
    public static void beginRequest(String source) {
        CURRENT.set(new RequestContext(null, "anonymous", source));
    }

    /** The request turned out to be authenticated as this principal. */
    public static void authenticated(UnionPrincipal principal) {
        CURRENT.set(new RequestContext(principal, principal.username(), current().source));
    }

    /** Runs work as a named actor (a console user, a startup task), restoring the previous context. */
    public static void runAs(String actor, String source, Runnable work) {
        RequestContext previous = CURRENT.get();
        CURRENT.set(new RequestContext(null, actor, source));
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** @return the authenticated caller, or {@code null} */
    public UnionPrincipal principal() {
        return principal;
    }

    public String actor() {
        return actor;
    }

    public String source() {
        return source;
    }
}
