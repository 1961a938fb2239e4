package cn.edu.cumt.union.api.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit log. Record every change a user makes. The core fills in who, when and
 * from where from the current request (or console session); the caller says what happened.
 * Never pass passwords, tokens or other secrets. Implemented by the core; thread-safe.
 */
@ProviderType
public interface AuditLog {

    /**
     * @param action     a dotted verb, e.g. {@code study.session.create}
     * @param targetType the kind of record, e.g. {@code StudySession}
     * @param targetId   the record's id, may be {@code null}
     * @param detail     a short human-readable summary, may be {@code null}
     */
    void record(String action, String targetType, String targetId, String detail);

    /** Records an attempt that was refused (outcome {@code denied}); same parameters as {@link #record}. */
    void denied(String action, String targetType, String targetId, String detail);
}
