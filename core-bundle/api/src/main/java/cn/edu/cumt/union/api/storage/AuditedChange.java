package cn.edu.cumt.union.api.storage;

import java.util.function.Supplier;

import javax.persistence.OptimisticLockException;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.rest.ApiException;

/**
 * One change to one record on a user's request, made the same way in every plugin: the transaction
 * (run again on a lock conflict, see {@link LockConflicts}), a concurrent edit of the same record
 * answered 409 with the plugin's own reason, and the audit line written once the change is committed.
 *
 * <pre>{@code
 * return AuditedChange.run(audit, "brand.project.submit", "BrandProject", id, () -> jpa.txExpr(Required, em -> {
 *     BrandProjectEntity project = managed(em, caller, id);
 *     ... change it ...
 *     return new AuditedChange.Done<>(detail(em, project), "submitted");
 * }), () -> ApiException.conflict("brand.project.changed", "项目刚被他人修改，请刷新后重试", "…"));
 * }</pre>
 */
public final class AuditedChange {

    /** What the transaction made: the answer to return, and the audit line's detail (never a secret). */
    public record Done<R>(R result, String detail) {
    }

    private AuditedChange() {
    }

    /**
     * @param transaction    the whole change in one transaction started here (never inside an outer one)
     * @param changedMeanwhile the 409 to answer when another user changed the record first (optimistic lock)
     */
    public static <R> R run(AuditLog audit, String action, String targetType, Object targetId,
            Supplier<Done<R>> transaction, Supplier<ApiException> changedMeanwhile) {
        Done<R> done;
        try {
            done = LockConflicts.retry(transaction);
        } catch (OptimisticLockException concurrent) {
            throw changedMeanwhile.get();
        }
        audit.record(action, targetType, String.valueOf(targetId), done.detail());
        return done.result();
    }
}
