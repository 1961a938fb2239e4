package cn.edu.cumt.union.api.audit;

/**
 * Every audit line is also posted (asynchronously, after it is written) as an OSGi Event Admin event on
 * {@link #TOPIC}, so that a bundle can count what happens without reading the log: the metrics bundle
 * turns them into login, lockout and action counters. The event carries only the action and its outcome,
 * never who or what: those stay in the log, which keeps its access rules.
 */
public final class AuditEvents {

    /** The topic of every audit event. */
    public static final String TOPIC = "cn/edu/cumt/union/audit/RECORDED";
    /** Event property: the dotted action, e.g. {@code auth.login}. */
    public static final String ACTION = "action";
    /** Event property: {@code ok}, {@code denied} or {@code failed}. */
    public static final String OUTCOME = "outcome";

    private AuditEvents() {
    }
}
